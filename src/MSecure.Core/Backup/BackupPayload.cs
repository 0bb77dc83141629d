using System;
using System.Collections.Generic;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Sync;

namespace MSecure.Core.Backup;

/// <summary>
/// The payload inside the chunks: 'I' source vault id (16) ‖ account id (16) ‖ created at (i64);
/// per record 'R' record id (16) ‖ revision count n (u32) ‖ n × (flags (1: bit 0 tombstone) ‖
/// length (u32) ‖ the revision's record JSON with its sync metadata); then 'E' records (i64) ‖
/// revisions (i64). Integers big-endian.
/// </summary>
internal static class BackupPayload
{
    /// <summary>The most revisions one record may bring.</summary>
    internal const int MaximumRevisions = 1_000_000;

    /// <summary>The longest revision JSON accepted (a record at every limit is far below it).</summary>
    internal const int MaximumJsonLength = 16 * 1024 * 1024;

    private const byte InfoTag = (byte)'I';
    private const byte RecordTag = (byte)'R';
    private const byte EndTag = (byte)'E';

    /// <summary>Writes the payload's opening item.</summary>
    internal static void WriteInfo(BackupChunkWriter writer, Guid vaultId, Guid accountId, long createdAt)
    {
        Span<byte> ids = stackalloc byte[2 * IdEncoding.Length];
        IdEncoding.Write(vaultId, ids);
        IdEncoding.Write(accountId, ids[IdEncoding.Length..]);
        writer.WriteByte(InfoTag);
        writer.Write(ids);
        writer.WriteInt64(createdAt);
    }

    /// <summary>Writes the start of record <paramref name="id"/>'s chain of <paramref name="revisions"/> revisions.</summary>
    internal static void WriteRecordStart(BackupChunkWriter writer, Guid id, long revisions)
    {
        Span<byte> bytes = stackalloc byte[IdEncoding.Length];
        IdEncoding.Write(id, bytes);
        writer.WriteByte(RecordTag);
        writer.Write(bytes);
        writer.WriteUInt32(checked((uint)revisions));
    }

    /// <summary>Writes one revision (oldest first).</summary>
    internal static void WriteRevision(BackupChunkWriter writer, RevisionText revision)
    {
        writer.WriteByte(revision.Deleted ? (byte)1 : (byte)0);
        writer.WriteUInt32(checked((uint)revision.Json.Length));
        writer.Write(revision.Json);
    }

    /// <summary>Writes the closing item.</summary>
    internal static void WriteEnd(BackupChunkWriter writer, long records, long revisions)
    {
        writer.WriteByte(EndTag);
        writer.WriteInt64(records);
        writer.WriteInt64(revisions);
    }

    /// <summary>Reads the opening item.</summary>
    /// <exception cref="MSecureException">BackupInvalid, BackupTampered.</exception>
    internal static (Guid VaultId, Guid AccountId, long CreatedAt) ReadInfo(BackupChunkReader reader, string path)
    {
        if (reader.ReadByte() != InfoTag)
        {
            throw MSecureErrors.BackupInvalid(path, "its content does not start with the backup's description.");
        }

        Span<byte> ids = stackalloc byte[2 * IdEncoding.Length];
        reader.ReadExactly(ids);
        return (IdEncoding.Read(ids), IdEncoding.Read(ids[IdEncoding.Length..]), reader.ReadInt64());
    }

    /// <summary>
    /// Reads the next record's chain (oldest first; the caller disposes the revisions), or null at
    /// the closing item, whose counts must match <paramref name="recordsSoFar"/> and
    /// <paramref name="revisionsSoFar"/> and after which the file must end.
    /// </summary>
    /// <exception cref="MSecureException">BackupInvalid, BackupTampered.</exception>
    internal static (Guid Id, List<RevisionText> Revisions)? ReadRecord(BackupChunkReader reader, string path, long recordsSoFar, long revisionsSoFar)
    {
        byte tag = reader.ReadByte();
        if (tag == EndTag)
        {
            if (reader.ReadInt64() != recordsSoFar || reader.ReadInt64() != revisionsSoFar || !reader.AtEnd)
            {
                throw MSecureErrors.BackupInvalid(path, "its closing counts do not match its content.");
            }

            return null;
        }

        if (tag != RecordTag)
        {
            throw MSecureErrors.BackupInvalid(path, "its content holds an unknown item.");
        }

        Span<byte> idBytes = stackalloc byte[IdEncoding.Length];
        reader.ReadExactly(idBytes);
        Guid id = IdEncoding.Read(idBytes);
        uint count = reader.ReadUInt32();
        if (count is 0 or > MaximumRevisions)
        {
            throw MSecureErrors.BackupInvalid(path, $"record {id} has {count} revisions.");
        }

        var revisions = new List<RevisionText>((int)Math.Min(count, 64));
        try
        {
            for (uint i = 0; i < count; i++)
            {
                revisions.Add(ReadRevision(reader, path, id));
            }

            if (revisions[^1].Deleted)
            {
                throw MSecureErrors.BackupInvalid(path, $"record {id} is removed in it (a backup holds live records only).");
            }

            return (id, revisions);
        }
        catch
        {
            revisions.ForEach(revision => revision.Dispose());
            throw;
        }
    }

    private static RevisionText ReadRevision(BackupChunkReader reader, string path, Guid id)
    {
        byte flags = reader.ReadByte();
        uint length = reader.ReadUInt32();
        if (flags > 1 || length is 0 or > MaximumJsonLength)
        {
            throw MSecureErrors.BackupInvalid(path, $"a revision of record {id} is malformed.");
        }

        byte[] json = GC.AllocateArray<byte>((int)length, pinned: true);
        try
        {
            reader.ReadExactly(json);
        }
        catch
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(json);
            throw;
        }

        return RevisionText.ParseSynced(id, deleted: flags == 1, json)
            ?? throw MSecureErrors.BackupInvalid(path, $"a revision of record {id} is not a record this version of MSecure can read.");
    }
}
