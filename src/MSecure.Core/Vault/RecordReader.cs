using System;
using System.Collections.Generic;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>Reads single records and their history, each call in one read transaction.</summary>
internal static class RecordReader
{
    /// <summary>The current version of live record <paramref name="id"/>.</summary>
    internal static Record Get(UnlockedVault vault, Guid id) => vault.Read(() =>
    {
        if (FindRow(vault, id) is not { Deleted: false } row)
        {
            // A row hidden as a tombstone or deleted outside MSecure shows here, not as "not found".
            vault.EnsureVerified();
            throw MSecureErrors.RecordNotFound(id);
        }

        EnsureNotRolledBack(row);
        Record record = vault.Codec.OpenRecord(EnvelopeRole.Record, id, row.Revision, ContentOf(row));
        vault.EnsureVerified();
        return record;
    });

    /// <summary>
    /// The live record named <paramref name="name"/> (ignoring case and Unicode compatibility
    /// forms) through the blind index, or null. The decrypted name must match too, so a swapped
    /// index value cannot return another record.
    /// </summary>
    internal static Record? FindByName(UnlockedVault vault, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!CanBeAName(name))
        {
            return null;
        }

        return vault.Read(() =>
        {
            byte[] nameIndex = vault.Codec.Cipher.NameIndex(name);
            if (RecordStore.FindLiveByName(vault.Database, nameIndex) is not { } row)
            {
                // The digest covers every row's name index; the SQLite index that finds it is
                // checked here, where a damaged one would otherwise answer "not found".
                vault.EnsureVerified();
                if (RecordStore.FindLiveIdByNameWithoutIndex(vault.Database, nameIndex) is not null)
                {
                    throw DamagedIndex(vault, "names");
                }

                return null;
            }

            Record record = OpenNamed(vault, row, name);
            vault.EnsureVerified();
            return record;
        });
    }

    /// <summary>
    /// Opens the live row the name index of <paramref name="name"/> found; the decrypted name must
    /// match, so a swapped index value cannot return another record.
    /// </summary>
    /// <exception cref="MSecureException">RecordTampered.</exception>
    internal static Record OpenNamed(UnlockedVault vault, StoredRecord row, string name)
    {
        EnsureNotRolledBack(row);
        Record record = vault.Codec.OpenRecord(EnvelopeRole.Record, row.Id, row.Revision, ContentOf(row));
        if (!string.Equals(RecordNames.Normalize(record.Name), RecordNames.Normalize(name), StringComparison.Ordinal))
        {
            throw MSecureErrors.RecordTampered(row.Id, "its name index belongs to another name");
        }

        return record;
    }

    /// <summary>The earlier versions of <paramref name="id"/> (live or removed), newest first.</summary>
    internal static IReadOnlyList<Record> GetHistory(UnlockedVault vault, Guid id) => vault.Read(() =>
    {
        if (FindRow(vault, id) is not { } row)
        {
            throw MSecureErrors.RecordNotFound(id);
        }

        EnsureNotRolledBack(row);
        if (row.Deleted)
        {
            vault.Codec.VerifyTombstone(id, row.Revision, ContentOf(row));
        }

        List<StoredEnvelope> entries = HistoryStore.Read(vault.Database, id);
        EnsureHistoryComplete(row, entries);
        var versions = new List<Record>(entries.Count);
        foreach (StoredEnvelope entry in entries)
        {
            // A removal that sync followed with another revision is a tombstone in history: not a version to show.
            if (vault.Codec.OpenHistoryEntry(id, entry.Revision, entry.Envelope) is { } version)
            {
                versions.Add(version);
            }
        }

        vault.EnsureVerified();
        return (IReadOnlyList<Record>)versions;
    });

    /// <summary>
    /// A row's revision must be above every revision in its history: a row restored from an
    /// older copy of the file authenticates on its own, but not against its newer history.
    /// </summary>
    internal static void EnsureNotRolledBack(StoredRecord row)
    {
        if (row.NewestHistoryRevision is { } newest && newest >= row.Revision)
        {
            throw MSecureErrors.RecordTampered(row.Id, "it is at an older revision than its own history (rolled back)");
        }
    }

    /// <summary>
    /// The row of <paramref name="id"/>, live or tombstone, or null when the vault has none. The
    /// digest covers every row, but not SQLite's index that finds one: a miss is checked by a scan
    /// without it, so a damaged index is VaultCorrupted rather than "not found".
    /// </summary>
    internal static StoredRecord? FindRow(UnlockedVault vault, Guid id)
    {
        if (RecordStore.Find(vault.Database, id) is { } row)
        {
            return row;
        }

        vault.EnsureVerified();
        return RecordStore.ExistsWithoutIndex(vault.Database, id) ? throw DamagedIndex(vault, "ids") : null;
    }

    /// <summary>A row's full (or tombstone) envelope; RecordTampered when its record_contents row is missing.</summary>
    internal static byte[] ContentOf(StoredRecord row) =>
        row.Content ?? throw MSecureErrors.RecordTampered(row.Id, "its content is missing");

    /// <summary>
    /// Every revision moves the one before it into history, so a record at revision r has exactly
    /// the history entries r − 1 down to 1 (newest first); fewer means entries were deleted.
    /// </summary>
    internal static void EnsureHistoryComplete(StoredRecord row, List<StoredEnvelope> newestFirst)
    {
        bool complete = newestFirst.Count == row.Revision - 1;
        for (int i = 0; complete && i < newestFirst.Count; i++)
        {
            complete = newestFirst[i].Revision == row.Revision - 1 - i;
        }

        if (!complete)
        {
            throw MSecureErrors.RecordTampered(row.Id, "its history is incomplete");
        }
    }

    private static MSecureException DamagedIndex(UnlockedVault vault, string what) =>
        MSecureErrors.VaultCorrupted(vault.Path, $"its index of record {what} is damaged (a record exists that the index does not find).");

    private static bool CanBeAName(string name)
    {
        try
        {
            RecordValidation.CheckName(name);
            return true;
        }
        catch (MSecureException)
        {
            return false;
        }
    }
}
