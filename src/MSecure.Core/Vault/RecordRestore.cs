using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using MSecure.Core.Backup;
using MSecure.Core.Cryptography;
using MSecure.Core.Records;
using MSecure.Core.Records.Serialization;
using MSecure.Core.Storage;
using MSecure.Core.Sync;

namespace MSecure.Core.Vault;

/// <summary>
/// Merges a backup's record chains into the vault inside ONE write transaction (all or nothing).
/// Per record id: unknown here → added with its whole history (a live record of another id with
/// the same name, user name and URL → skipped as a duplicate; same name only → renamed
/// "Name (2)"); the backup's chain a prefix of the vault's → unchanged, or, when the vault removed
/// it since, brought back as a new revision after the removal; the vault's chain a prefix of the
/// backup's → the newer revisions appended; diverged → the backup's revisions after the common one
/// appended and the later one (<see cref="WinnerRule"/>) made current, as sync resolves a conflict
/// (like <see cref="ServerRebase"/>). Nothing already in the vault is rewritten, so history is kept and
/// every new revision syncs like a local edit.
/// </summary>
internal static class RecordRestore
{
    /// <summary>
    /// Applies every chain <paramref name="next"/> yields (null when done) and counts what it did
    /// in <paramref name="result"/>; with <paramref name="dryRun"/> the transaction is rolled back.
    /// </summary>
    internal static void Apply(UnlockedVault vault, BackupRestoreResult result, bool dryRun, Func<(Guid Id, List<RevisionText> Revisions)?> next)
    {
        try
        {
            vault.WriteRecords(change =>
            {
                using var chain = new LocalChain(vault, change);
                while (next() is { } item)
                {
                    try
                    {
                        Restore(vault, chain, item.Id, item.Revisions, result);
                    }
                    finally
                    {
                        item.Revisions.ForEach(revision => revision.Dispose());
                    }
                }

                return dryRun ? throw new DryRunRollback() : 0;
            });
        }
        catch (DryRunRollback)
        {
            // -WhatIf: everything was applied inside the transaction to count it, then rolled back.
        }
    }

    private static void Restore(UnlockedVault vault, LocalChain chain, Guid id, List<RevisionText> revisions, BackupRestoreResult result)
    {
        StoredRecord? head = chain.Head(id);
        if (head is null)
        {
            RevisionText current = revisions[^1];
            if (chain.NameTakenBy(id, current) is { } other && IsDuplicate(vault, chain, other, current.Record!))
            {
                result.Skipped(current.Record!.Name!);
                return;
            }

            WriteTail(vault, chain, id, null, revisions, result);
            result.Added++;
            return;
        }

        long common = CommonLength(chain, head, revisions);
        if (common == revisions.Count)
        {
            if (head.Deleted)
            {
                BringBack(vault, chain, head, revisions[^1], result);
                result.Restored++;
            }
            else
            {
                result.Unchanged++;
            }

            return;
        }

        if (common == head.Revision)
        {
            WriteTail(vault, chain, id, head, revisions.GetRange((int)head.Revision, revisions.Count - (int)head.Revision), result);
            result.Updated++;
            return;
        }

        Merge(vault, chain, head, common, revisions.GetRange((int)common, revisions.Count - (int)common), result);
    }

    /// <summary>
    /// Both sides changed after the common revisions: the backup's genuine revisions the vault does
    /// not hold yet follow the vault's head, re-parented (change id derived from the original's and
    /// the new parent's, so a second restore recognises them), then, unless the last one already is
    /// the winner by <see cref="WinnerRule"/>, a copy of the winner (the vault's head or the backup's).
    /// </summary>
    private static void Merge(UnlockedVault vault, LocalChain chain, StoredRecord head, long common, List<RevisionText> backupTail, BackupRestoreResult result)
    {
        List<RevisionText> vaultTail = chain.ReadFrom(head, common + 1);
        var written = new List<RevisionText>();
        try
        {
            RevisionText vaultHead = vaultTail[^1];
            Guid parent = vaultHead.Change;
            RevisionText? lastMoved = null;
            foreach (RevisionText revision in backupTail)
            {
                if (revision.Sync.CopyOf is not null || revision.Deleted || vaultTail.Exists(held => Holds(held, revision)))
                {
                    continue;
                }

                RevisionText moved = revision.WithSync(Metadata(MovedChangeId(revision.Change, parent), parent, vault.VaultId, copyOf: null), chain.Buffer);
                written.Add(moved);
                parent = moved.Change;
                lastMoved = revision;
            }

            if (written.Count == 0)
            {
                result.Unchanged++;
                return;
            }

            RevisionText backupHead = backupTail[^1];
            RevisionText winner = WinnerRule.FirstWins(backupHead.Candidate, vaultHead.Candidate) ? backupHead : vaultHead;
            if (!ReferenceEquals(winner, lastMoved))
            {
                written.Add(winner.WithSync(Metadata(Guid.NewGuid(), parent, vault.VaultId, copyOf: winner.Change), chain.Buffer));
            }

            WriteTail(vault, chain, head.Id, head, written, result);
            result.Merged++;
        }
        finally
        {
            vaultTail.ForEach(text => text.Dispose());
            written.ForEach(text => text.Dispose());
        }
    }

    /// <summary>Whether the vault's revision <paramref name="held"/> is <paramref name="revision"/> itself or its re-parented copy from an earlier restore.</summary>
    private static bool Holds(RevisionText held, RevisionText revision) =>
        held.Change == revision.Change || (held.Sync.Parent is { } parent && held.Change == MovedChangeId(revision.Change, parent));

    /// <summary>The change id of revision <paramref name="original"/> re-parented onto <paramref name="parent"/>: the first 16 bytes of SHA-256("msecure/v1/restore-change" ‖ original ‖ parent).</summary>
    internal static Guid MovedChangeId(Guid original, Guid parent)
    {
        ReadOnlySpan<byte> label = "msecure/v1/restore-change"u8;
        Span<byte> input = stackalloc byte[label.Length + (2 * IdEncoding.Length)];
        label.CopyTo(input);
        IdEncoding.Write(original, input[label.Length..]);
        IdEncoding.Write(parent, input[(label.Length + IdEncoding.Length)..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        return IdEncoding.Read(hash);
    }

    private static SyncDocument Metadata(Guid change, Guid parent, Guid author, Guid? copyOf) =>
        new() { Change = change, Parent = parent, Author = author, CopyOf = copyOf };

    /// <summary>The vault removed the record after the backup: a copy of the backup's version follows the removal.</summary>
    private static void BringBack(UnlockedVault vault, LocalChain chain, StoredRecord head, RevisionText backupCurrent, BackupRestoreResult result)
    {
        using RevisionText removal = chain.Read(head, head.Revision);
        using RevisionText copy = backupCurrent.WithSync(Metadata(Guid.NewGuid(), removal.Change, vault.VaultId, backupCurrent.Change), chain.Buffer);
        WriteTail(vault, chain, head.Id, head, [copy], result);
    }

    /// <summary>Writes <paramref name="tail"/> after <paramref name="head"/> (a new record when null), renamed when its name is taken, and queues it for sync.</summary>
    private static void WriteTail(UnlockedVault vault, LocalChain chain, Guid id, StoredRecord? head, IReadOnlyList<RevisionText> tail, BackupRestoreResult result)
    {
        RevisionText? renamed = null;
        try
        {
            IReadOnlyList<RevisionText> written = WithFreeName(vault, chain, id, tail, result, out renamed);
            long before = head?.Revision ?? 0;
            chain.Write(id, head, before + 1, written);
            SyncOutbox.Touch(vault.Database, id, before);
        }
        finally
        {
            renamed?.Dispose();
        }
    }

    /// <summary>When another live record holds the name <paramref name="tail"/> ends with, appends a rename to a free "Name (n)".</summary>
    private static IReadOnlyList<RevisionText> WithFreeName(UnlockedVault vault, LocalChain chain, Guid id, IReadOnlyList<RevisionText> tail,
        BackupRestoreResult result, out RevisionText? renamed)
    {
        renamed = null;
        RevisionText last = tail[^1];
        if (last.Record is not { } record || chain.NameTakenBy(id, last) is null)
        {
            return tail;
        }

        string name = FreeName(vault, record.Name!);
        RecordDocument copy = RevisionText.Copy(record);
        copy.Name = name;
        copy.Sync = Metadata(Guid.NewGuid(), last.Change, vault.VaultId, copyOf: null);
        renamed = RevisionText.FromRecord(id, copy, chain.Buffer);
        result.Rename(record.Name!, name);
        return [.. tail, renamed];
    }

    /// <summary>"Name (2)", "Name (3)", … : the first no live record holds (<see cref="RecordNames.Suffixed"/>).</summary>
    private static string FreeName(UnlockedVault vault, string name)
    {
        for (int n = 2; ; n++)
        {
            string candidate = RecordNames.Suffixed(name, n);
            if (RecordStore.FindLiveIdByName(vault.Database, vault.Codec.Cipher.NameIndex(candidate)) is null)
            {
                return candidate;
            }
        }
    }

    /// <summary>How many leading revisions the vault's chain and the backup's share (equal change ids; parents chain them).</summary>
    private static long CommonLength(LocalChain chain, StoredRecord head, List<RevisionText> revisions)
    {
        for (long revision = Math.Min(head.Revision, revisions.Count); revision >= 1; revision--)
        {
            using RevisionText local = chain.Read(head, revision);
            if (local.Change == revisions[(int)revision - 1].Change)
            {
                return revision;
            }
        }

        return 0;
    }

    /// <summary>Whether live record <paramref name="otherId"/> has the same user name and URL as <paramref name="candidate"/> (the name is already the same).</summary>
    private static bool IsDuplicate(UnlockedVault vault, LocalChain chain, Guid otherId, RecordDocument candidate)
    {
        StoredRecord row = chain.Head(otherId)!;
        RecordDocument existing = vault.Codec.OpenDocument(EnvelopeRole.Record, otherId, row.Revision, RecordReader.ContentOf(row), out _);
        return SameText(UserOf(existing), UserOf(candidate)) && SameText(FieldValue(existing, RecordFieldNames.DefaultUrlLabel), FieldValue(candidate, RecordFieldNames.DefaultUrlLabel));
    }

    private static string UserOf(RecordDocument record) =>
        FieldValue(record, RecordFieldNames.DefaultUserNameLabel) is { Length: > 0 } user ? user : FieldValue(record, DuplicateKey.EmailLabel);

    private static string FieldValue(RecordDocument record, string label)
    {
        foreach (FieldDocument field in record.Fields ?? [])
        {
            if (string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(field.Value))
            {
                return field.Value.Trim();
            }
        }

        return string.Empty;
    }

    private static bool SameText(string first, string second) => string.Equals(first, second, StringComparison.OrdinalIgnoreCase);
}
