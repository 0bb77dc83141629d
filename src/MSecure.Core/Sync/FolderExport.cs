using System;
using System.Collections.Generic;
using MSecure.Core.Storage;
using MSecure.Core.Sync.Folder;
using MSecure.Core.Vault;

namespace MSecure.Core.Sync;

/// <summary>
/// What this device writes into a sync folder: every outbox record's whole chain (the folder holds
/// sets of changes, so resending one is harmless), or for a compaction every record's whole chain,
/// each revision as a sync envelope.
/// </summary>
internal static class FolderExport
{
    private const int PageSize = 1024;

    /// <summary>
    /// The outbox records' chains, the number of revisions written on this device since the last
    /// export, and each record's revision when read (to clear the outbox afterwards).
    /// </summary>
    internal static (List<FolderChange> Changes, int NewRevisions, Dictionary<Guid, long> Exported) Outbox(UnlockedVault vault, SyncEnvelope envelopes) => vault.Read(() =>
    {
        var changes = new List<FolderChange>();
        int newRevisions = 0;
        var exported = new Dictionary<Guid, long>();
        using var chain = new LocalChain(vault, change: null);
        Guid? after = null;
        while (true)
        {
            List<OutboxEntry> entries = SyncOutbox.ReadPage(vault.Database, after, PageSize);
            foreach (OutboxEntry entry in entries)
            {
                after = entry.RecordId;
                if (entry.Revision == 0)
                {
                    // An outbox entry without a record (never the case for a sound vault): nothing to send.
                    exported[entry.RecordId] = 0;
                    continue;
                }

                AddChain(chain, envelopes, new StoredRecord(entry.RecordId, entry.Revision, entry.Deleted, 0, null, null, entry.Content, null), changes);
                exported[entry.RecordId] = entry.Revision;
                newRevisions += (int)Math.Max(0, entry.Revision - entry.ServerRevision);
            }

            if (entries.Count < PageSize)
            {
                return (changes, newRevisions, exported);
            }
        }
    });

    /// <summary>Every record's whole chain (for a compaction).</summary>
    internal static List<FolderChange> Everything(UnlockedVault vault, SyncEnvelope envelopes) => vault.Read(() =>
    {
        var changes = new List<FolderChange>();
        using var chain = new LocalChain(vault, change: null);
        long after = 0;
        while (true)
        {
            var rows = RecordStore.ReadBatch(vault.Database, after, PageSize);
            foreach ((long seq, StoredRecord row) in rows)
            {
                AddChain(chain, envelopes, row, changes);
                after = seq;
            }

            if (rows.Count < PageSize)
            {
                return changes;
            }
        }
    });

    /// <summary>After the batch is written: removes the exported records from the outbox unless they changed meanwhile.</summary>
    internal static void Clear(UnlockedVault vault, Dictionary<Guid, long> exported) => vault.Write(() =>
    {
        foreach ((Guid id, long revision) in exported)
        {
            long current = RecordStore.Find(vault.Database, id)?.Revision ?? 0;
            if (current == revision)
            {
                SyncOutbox.Remove(vault.Database, id);
            }
        }

        return 0;
    });

    private static void AddChain(LocalChain chain, SyncEnvelope envelopes, StoredRecord head, List<FolderChange> changes)
    {
        for (long revision = 1; revision <= head.Revision; revision++)
        {
            using RevisionText stored = chain.Read(head, revision);
            RevisionText text = stored.WithWrittenMetadata(chain.Buffer);
            try
            {
                changes.Add(new FolderChange(head.Id, text.Change, text.Deleted, envelopes.Seal(head.Id, text.Change, text.Json)));
            }
            finally
            {
                if (!ReferenceEquals(text, stored))
                {
                    text.Dispose();
                }
            }
        }
    }
}
