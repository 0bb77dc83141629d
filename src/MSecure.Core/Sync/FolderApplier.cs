using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Storage;
using MSecure.Core.Sync.Folder;
using MSecure.Core.Vault;

namespace MSecure.Core.Sync;

/// <summary>
/// Applies the changes read from a sync folder in ONE write transaction: each record's state is the
/// set of its local revisions and the new changes, put in <see cref="ChangeLinearisation"/> order;
/// when that order differs from the local chain before its end, the chain is replaced from the first
/// difference. A change that does not open is SyncTampered and nothing is written. A change whose
/// parent is unknown waits: the files holding it are not marked processed.
/// </summary>
internal sealed class FolderApplier
{
    private readonly UnlockedVault _vault;
    private readonly SyncEnvelope _envelopes;

    internal FolderApplier(UnlockedVault vault, SyncEnvelope envelopes)
    {
        _vault = vault;
        _envelopes = envelopes;
    }

    /// <summary>New changes applied.</summary>
    internal int Applied { get; private set; }

    /// <summary>Records edited concurrently on two devices, and renames after name collisions.</summary>
    internal List<SyncConflict> Conflicts { get; } = [];

    /// <summary>The changes that wait for a parent not in the vault nor the folder yet.</summary>
    internal HashSet<Guid> Waiting { get; } = [];

    /// <summary>
    /// Applies <paramref name="changes"/> and, in the same transaction, saves the sync state that
    /// <paramref name="stateAfter"/> computes from the waiting changes.
    /// </summary>
    internal void Apply(IEnumerable<FolderChange> changes, Func<IReadOnlySet<Guid>, SyncState> stateAfter)
    {
        Dictionary<Guid, List<FolderChange>> byRecord = changes.GroupBy(change => change.RecordId).ToDictionary(group => group.Key, group => group.ToList());
        (int applied, List<SyncConflict> conflicts, HashSet<Guid> waiting) = _vault.WriteRecords(change =>
        {
            using var chain = new LocalChain(_vault, change);
            int count = 0;
            var found = new List<SyncConflict>();
            var waits = new HashSet<Guid>();
            foreach ((Guid id, List<FolderChange> incoming) in byRecord)
            {
                count += ApplyRecord(chain, id, incoming, found, waits);
            }

            SyncStateStore.Write(_vault, stateAfter(waits));
            return (count, found, waits);
        });
        Applied += applied;
        Conflicts.AddRange(conflicts);
        Waiting.UnionWith(waiting);
    }

    private int ApplyRecord(LocalChain chain, Guid id, List<FolderChange> incoming, List<SyncConflict> conflicts, HashSet<Guid> waiting)
    {
        StoredRecord? head = chain.Head(id);
        List<RevisionText> local = head is null ? [] : chain.ReadFrom(head, 1);
        var opened = new List<RevisionText>();
        try
        {
            var known = new HashSet<Guid>(local.Select(text => text.Change));
            foreach (FolderChange change in incoming)
            {
                if (known.Add(change.ChangeId))
                {
                    opened.Add(_envelopes.Open(id, change.ChangeId, change.Deleted, change.Envelope));
                }
            }

            if (opened.Count == 0)
            {
                return 0;
            }

            List<RevisionText> all = [.. local, .. opened];
            (List<int> order, List<int> waits) = ChangeLinearisation.Order(all.Select(NodeOf).ToList());
            foreach (int index in waits)
            {
                waiting.Add(all[index].Change);
            }

            List<RevisionText> linear = order.Select(index => all[index]).ToList();
            int same = 0;
            while (same < local.Count && same < linear.Count && ReferenceEquals(linear[same], local[same]))
            {
                same++;
            }

            if (same == linear.Count)
            {
                return 0;
            }

            IReadOnlyList<RevisionText> tail = NameCollisions.Resolve(chain, id, linear.GetRange(same, linear.Count - same), conflicts, out RevisionText? renamed);
            using (renamed)
            {
                chain.Write(id, head, same + 1, tail);
            }

            if (renamed is not null)
            {
                SyncOutbox.Touch(chain.Database, id, same + tail.Count - 1);
            }

            if (HasNewFork(all, opened))
            {
                conflicts.Add(new SyncConflict(id, linear[^1].Record?.Name ?? renamed?.Record?.Name ?? string.Empty,
                    "Changed on two devices: both versions are kept in order (a removal before an edit, then the older before the newer); the last is current."));
            }

            return opened.Count - waits.Count(index => index >= local.Count);
        }
        finally
        {
            local.ForEach(text => text.Dispose());
            opened.ForEach(text => text.Dispose());
        }
    }

    /// <summary>Whether a change has two children, one of them new in this sync.</summary>
    private static bool HasNewFork(List<RevisionText> all, List<RevisionText> opened)
    {
        var newChanges = new HashSet<Guid>(opened.Select(text => text.Change));
        return all.Where(text => text.Sync.Parent is not null).GroupBy(text => text.Sync.Parent)
            .Any(children => children.Select(text => text.Change).Distinct().Count() > 1 && children.Any(text => newChanges.Contains(text.Change)));
    }

    private static ChangeLinearisation.Node NodeOf(RevisionText text) => new(text.Change, text.Sync.Parent, text.Deleted, text.Modified, text.Sync.Author);
}
