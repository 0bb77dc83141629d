using System;
using System.Collections.Generic;
using MSecure.Core.Records;
using MSecure.Core.Records.Serialization;
using MSecure.Core.Storage;
using MSecure.Core.Vault;

namespace MSecure.Core.Access;

/// <summary>
/// Keeps every access key's grants equal to its tag's records, inside the record write's own
/// transaction: a live record carrying the key's tag (compared like -Tag, ignoring case) is sealed
/// again at its new revision, anything else (untagged, removed, the key expired) loses its grant.
/// </summary>
internal static class AccessGrantWriter
{
    /// <summary>After a record write: refreshes the grants of the records <paramref name="recordIds"/>.</summary>
    internal static void Refresh(UnlockedVault vault, IReadOnlyCollection<Guid> recordIds)
    {
        if (recordIds.Count == 0 || !AccessKeyStore.Any(vault.Database))
        {
            return;
        }

        List<AccessKeyEntry> entries = AccessKeyEntries.ReadAll(vault);
        List<(AccessKeyEntry Entry, AccessKeyKeys Keys)> keys = [];
        try
        {
            foreach (AccessKeyEntry entry in entries)
            {
                keys.Add((entry, AccessKeyKeys.Derive(entry.Secret, entry.Id, vault.AccountId)));
            }

            foreach (Guid id in recordIds)
            {
                if (RecordStore.Find(vault.Database, id) is not { Deleted: false, Content: { } content } row)
                {
                    AccessKeyStore.DeleteRecordGrants(vault.Database, id);
                    continue;
                }

                RecordDocument document = vault.Codec.OpenDocument(EnvelopeRole.Record, id, row.Revision, content, out _);
                Write(vault, keys, id, row.Revision, document);
            }
        }
        finally
        {
            keys.ForEach(static key => key.Keys.Dispose());
            AccessKeyEntries.Wipe(entries);
        }
    }

    /// <summary>Seals every live record carrying <paramref name="key"/>'s tag for it (a new key).</summary>
    internal static int SealAll(UnlockedVault vault, AccessKeyEntry key)
    {
        using AccessKeyKeys derived = AccessKeyKeys.Derive(key.Secret, key.Id, vault.AccountId);
        int sealedCount = 0;
        long after = 0;
        while (true)
        {
            List<(long Seq, StoredRecord Record)> batch = RecordStore.ReadBatch(vault.Database, after, 512);
            if (batch.Count == 0)
            {
                return sealedCount;
            }

            foreach ((long seq, StoredRecord row) in batch)
            {
                after = seq;
                if (row is { Deleted: false, Content: { } content })
                {
                    RecordDocument document = vault.Codec.OpenDocument(EnvelopeRole.Record, row.Id, row.Revision, content, out _);
                    sealedCount += Write(vault, [(key, derived)], row.Id, row.Revision, document);
                }
            }
        }
    }

    private static int Write(UnlockedVault vault, IReadOnlyList<(AccessKeyEntry Entry, AccessKeyKeys Keys)> keys, Guid id, long revision, RecordDocument document)
    {
        long now = VaultClock.NowMilliseconds();
        RecordContent? content = null;
        int written = 0;
        foreach ((AccessKeyEntry key, AccessKeyKeys derived) in keys)
        {
            if (key.IsExpired(now) || !HasTag(document.Tags, key.Tag))
            {
                AccessKeyStore.DeleteGrant(vault.Database, key.Id, id);
                continue;
            }

            content ??= RecordSerializer.ToContent(document);
            AccessKeyStore.PutGrant(vault.Database,
                AccessGrantSeal.Seal(derived.Seal, key.Id, key.ExpiresAtMs, id, revision, content, document.Created, document.Modified));
            written++;
        }

        return written;
    }

    private static bool HasTag(List<string>? tags, string tag) =>
        tags is not null && tags.Exists(candidate => string.Equals(candidate, tag, StringComparison.OrdinalIgnoreCase));
}
