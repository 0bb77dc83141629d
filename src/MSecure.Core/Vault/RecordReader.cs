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
        if (RecordStore.Find(vault.Database, id) is not { Deleted: false } row)
        {
            // A row hidden as a tombstone or deleted outside MSecure shows here, not as "not found".
            vault.EnsureRecordSetVerified();
            throw MSecureErrors.RecordNotFound(id);
        }

        EnsureNotRolledBack(row);
        Record record = vault.Codec.OpenRecord(EnvelopeRole.Record, id, row.Revision, row.Content);
        vault.EnsureRecordSetVerified();
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
                vault.EnsureRecordSetVerified();
                return null;
            }

            EnsureNotRolledBack(row);
            Record record = vault.Codec.OpenRecord(EnvelopeRole.Record, row.Id, row.Revision, row.Content);
            if (!string.Equals(RecordNames.Normalize(record.Name), RecordNames.Normalize(name), StringComparison.Ordinal))
            {
                throw MSecureErrors.RecordTampered(row.Id, "its name index belongs to another name");
            }

            vault.EnsureRecordSetVerified();
            return record;
        });
    }

    /// <summary>The earlier versions of <paramref name="id"/> (live or removed), newest first.</summary>
    internal static IReadOnlyList<Record> GetHistory(UnlockedVault vault, Guid id) => vault.Read(() =>
    {
        if (RecordStore.Find(vault.Database, id) is not { } row)
        {
            vault.EnsureRecordSetVerified();
            throw MSecureErrors.RecordNotFound(id);
        }

        EnsureNotRolledBack(row);
        if (row.Deleted)
        {
            vault.Codec.VerifyTombstone(id, row.Revision, row.Content);
        }

        var versions = new List<Record>();
        foreach (StoredEnvelope entry in HistoryStore.Read(vault.Database, id))
        {
            versions.Add(vault.Codec.OpenRecord(EnvelopeRole.History, id, entry.Revision, entry.Envelope));
        }

        vault.EnsureRecordSetVerified();
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
