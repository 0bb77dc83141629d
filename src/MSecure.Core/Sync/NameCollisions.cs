using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Records.Serialization;
using MSecure.Core.Storage;
using MSecure.Core.Vault;

namespace MSecure.Core.Sync;

/// <summary>
/// Two live records with one name after applying another device's changes (each device added or
/// renamed one while apart): the one with the larger id (big-endian bytes) gets a local edit
/// renaming it "&lt;name&gt; (&lt;first 8 hex digits of its id&gt;)", sent like any other edit. Every
/// device picks the same record and writes the same rename revision, so they converge.
/// </summary>
internal static class NameCollisions
{
    /// <summary>
    /// Before <paramref name="revisions"/> become record <paramref name="id"/>'s new tail: when the
    /// last one is live and another live record holds its name, renames the larger-id record. Returns
    /// the tail to write (with a rename appended when <paramref name="id"/> is the larger), and
    /// reports the rename in <paramref name="conflicts"/>. The renamed other record goes to the outbox here.
    /// </summary>
    internal static IReadOnlyList<RevisionText> Resolve(LocalChain chain, Guid id, IReadOnlyList<RevisionText> revisions,
        List<SyncConflict> conflicts, out RevisionText? renamed)
    {
        renamed = null;
        if (chain.NameTakenBy(id, revisions[^1]) is not { } other)
        {
            return revisions;
        }

        if (IdOrder.Compare(id, other) > 0)
        {
            renamed = Rename(id, revisions[^1], chain.Buffer);
            conflicts.Add(Conflict(id, renamed));
            return [.. revisions, renamed];
        }

        StoredRecord head = chain.Head(other)!;
        using RevisionText current = chain.Read(head, head.Revision);
        using RevisionText otherRenamed = Rename(other, current, chain.Buffer);
        chain.Write(other, head, head.Revision + 1, [otherRenamed]);
        SyncOutbox.Touch(chain.Database, other, head.Revision);
        conflicts.Add(Conflict(other, otherRenamed));
        return revisions;
    }

    /// <summary>The new name of record <paramref name="id"/> named <paramref name="name"/>.</summary>
    internal static string RenamedName(Guid id, string name) => string.Create(CultureInfo.InvariantCulture, $"{name} ({id.ToString("N")[..8]})");

    /// <summary>The change id of the rename made on change <paramref name="parent"/>: first 16 bytes of SHA-256("msecure/v1/rename-change" ‖ parent (16, BE)).</summary>
    internal static Guid RenameChangeId(Guid parent)
    {
        Span<byte> input = stackalloc byte[24 + IdEncoding.Length];
        "msecure/v1/rename-change"u8.CopyTo(input);
        IdEncoding.Write(parent, input[24..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        return IdEncoding.Read(hash);
    }

    private static RevisionText Rename(Guid id, RevisionText current, PinnedBufferWriter buffer)
    {
        RecordDocument record = RevisionText.Copy(current.Record!);
        record.Name = RenamedName(id, record.Name!);
        // Deterministic (change id, time, no author): every device that resolves this collision
        // writes the byte-identical revision, so the server takes the second as a duplicate and
        // a device that pulls another's rename sees its own.
        record.Sync = new SyncDocument { Change = RenameChangeId(current.Change), Parent = current.Change, Author = Guid.Empty, CopyOf = null };
        return RevisionText.FromRecord(id, record, buffer);
    }

    private static SyncConflict Conflict(Guid id, RevisionText renamed) =>
        new(id, renamed.Record!.Name!, "Another record of the same name arrived from another device: this one was renamed.");
}
