using System;
using System.Collections.Generic;
using System.Globalization;
using MSecure.Core.Backup;
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
/// (<see cref="ServerRebase"/>). Nothing already in the vault is rewritten, so history is kept and
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

        Merge(vault, chain, head, revisions.GetRange((int)common, revisions.Count - (int)common), result);
    }

    /// <summary>Both sides changed after revision <c>common</c>: the backup's later revisions follow the vault's head, the winner current.</summary>
    private static void Merge(UnlockedVault vault, LocalChain chain, StoredRecord head, List<RevisionText> backupTail, BackupRestoreResult result)
    {
        using RevisionText vaultHead = chain.Read(head, head.Revision);
        ServerRebase.Resolution resolution = ServerRebase.Resolve(vaultHead, backupTail, vault.VaultId, chain.Buffer);
        try
        {
            if (resolution.Revisions.Count == 1)
            {
                result.Unchanged++;
                return;
            }

            var tail = new List<RevisionText>(resolution.Revisions.Count - 1);
            for (int i = 1; i < resolution.Revisions.Count; i++)
            {
                tail.Add(resolution.Revisions[i]);
            }

            WriteTail(vault, chain, head.Id, head, tail, result);
            result.Merged++;
        }
        finally
        {
            for (int i = 1; i < resolution.Revisions.Count; i++)
            {
                resolution.Revisions[i].Dispose();
            }
        }
    }

    /// <summary>The vault removed the record after the backup: a copy of the backup's version follows the removal.</summary>
    private static void BringBack(UnlockedVault vault, LocalChain chain, StoredRecord head, RevisionText backupCurrent, BackupRestoreResult result)
    {
        using RevisionText removal = chain.Read(head, head.Revision);
        var sync = new SyncDocument { Change = Guid.NewGuid(), Parent = removal.Change, Author = vault.VaultId, CopyOf = backupCurrent.Change };
        using RevisionText copy = backupCurrent.WithSync(sync, chain.Buffer);
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
        copy.Sync = new SyncDocument { Change = Guid.NewGuid(), Parent = last.Change, Author = vault.VaultId, CopyOf = null };
        renamed = RevisionText.FromRecord(id, copy, chain.Buffer);
        result.Rename(record.Name!, name);
        return [.. tail, renamed];
    }

    /// <summary>"Name (2)", "Name (3)", … : the first no live record holds (the name shortened when the suffix would not fit).</summary>
    private static string FreeName(UnlockedVault vault, string name)
    {
        for (int n = 2; ; n++)
        {
            string suffix = string.Create(CultureInfo.InvariantCulture, $" ({n})");
            string stem = name.Length + suffix.Length > RecordLimits.MaximumNameLength ? name[..(RecordLimits.MaximumNameLength - suffix.Length)] : name;
            string candidate = stem + suffix;
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
        return SameText(UserOf(existing), UserOf(candidate)) && SameText(FieldValue(existing, "Website"), FieldValue(candidate, "Website"));
    }

    private static string UserOf(RecordDocument record) =>
        FieldValue(record, "Username") is { Length: > 0 } user ? user : FieldValue(record, "Email");

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

    /// <summary>Rolls a dry run's transaction back.</summary>
    private sealed class DryRunRollback : Exception
    {
    }
}
