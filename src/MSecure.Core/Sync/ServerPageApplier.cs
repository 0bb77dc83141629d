using System;
using System.Collections.Generic;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Storage;
using MSecure.Core.Vault;

namespace MSecure.Core.Sync;

/// <summary>
/// Applies one checked page of server changes in ONE write transaction, the cursor saved in it:
/// any change that does not open, or breaks its record's chain (a missing or replayed change),
/// is SyncTampered and rolls the whole page back. Per record: n = local revision, s = the server's
/// revision from the outbox (n when not in it). A change at or below s is already held; one at
/// s + 1 must have local revision s's change as parent; it is appended when nothing is pending,
/// is this device's own pending change coming back (s advances), or is a conflict rebased by
/// <see cref="ServerRebase"/>.
/// </summary>
internal sealed class ServerPageApplier
{
    private readonly UnlockedVault _vault;
    private readonly SyncEnvelope _envelopes;

    internal ServerPageApplier(UnlockedVault vault, SyncEnvelope envelopes)
    {
        _vault = vault;
        _envelopes = envelopes;
    }

    /// <summary>Changes applied (not skipped) so far.</summary>
    internal int Applied { get; private set; }

    /// <summary>Conflicts resolved so far.</summary>
    internal List<SyncConflict> Conflicts { get; } = [];

    /// <summary>
    /// Applies <paramref name="changes"/> (already checked to follow <paramref name="cursor"/>) and
    /// saves <paramref name="nextCursor"/>; returns false, writing nothing, when another process
    /// moved the cursor since it was read (the caller pulls again from the stored one).
    /// </summary>
    internal bool Apply(long cursor, IReadOnlyList<SyncChangeResponse> changes, long nextCursor, SyncState? expectedState)
    {
        try
        {
            (int applied, List<SyncConflict> conflicts) = _vault.WriteRecords(change =>
            {
                SyncState? state = SyncStateStore.Read(_vault);
                if ((state?.Cursor ?? 0) != cursor || state?.Method != expectedState?.Method)
                {
                    throw new CursorMoved();
                }

                using var chain = new LocalChain(_vault, change);
                int count = 0;
                var found = new List<SyncConflict>();
                foreach (SyncChangeResponse remote in changes)
                {
                    count += ApplyOne(chain, remote, found) ? 1 : 0;
                }

                SyncStateStore.Write(_vault,
                    new SyncState(SyncState.ServerMethod, nextCursor, state?.Folder));
                return (count, found);
            });
            Applied += applied;
            Conflicts.AddRange(conflicts);
            return true;
        }
        catch (CursorMoved)
        {
            return false;
        }
    }

    private bool ApplyOne(LocalChain chain, SyncChangeResponse remote, List<SyncConflict> conflicts)
    {
        Guid id = remote.RecordId;
        StoredRecord? head = chain.Head(id);
        long n = head?.Revision ?? 0;
        // A record this device does not have cannot be in its outbox: one query less per new record.
        long? outbox = head is null ? null : SyncOutbox.Find(chain.Database, id);
        long s = Math.Min(outbox ?? n, n);
        if (remote.Revision <= s)
        {
            return false;
        }

        if (remote.Revision != s + 1)
        {
            throw _envelopes.Tampered(id, "a change of this record is missing or replayed (its revision does not follow the one this device holds).");
        }

        using RevisionText text = _envelopes.Open(id, remote.ChangeId, remote.Deleted, remote.Envelope);
        Guid? expectedParent = s == 0 ? null : ChangeAt(chain, head!, s);
        if (text.Sync.Parent != expectedParent)
        {
            throw _envelopes.Tampered(id, "a change of this record is missing or replayed (it was not made on the revision this device holds).");
        }

        if (s == n)
        {
            Append(chain, id, head, text, conflicts);
            return true;
        }

        if (ChangeAt(chain, head!, s + 1) == text.Change)
        {
            // This device's own change, sent before its outbox learned it was accepted.
            SyncOutbox.Advance(chain.Database, id, s + 1, n);
            return false;
        }

        Rebase(chain, id, head!, s, text, conflicts);
        return true;
    }

    private static void Append(LocalChain chain, Guid id, StoredRecord? head, RevisionText text, List<SyncConflict> conflicts)
    {
        long from = (head?.Revision ?? 0) + 1;
        IReadOnlyList<RevisionText> tail = NameCollisions.Resolve(chain, id, [text], conflicts, out RevisionText? renamed);
        using (renamed)
        {
            chain.Write(id, head, from, tail);
        }

        if (head is not null || renamed is not null)
        {
            // The server holds the chain up to the change appended; a rename after it is pending.
            SyncOutbox.Advance(chain.Database, id, from, from + tail.Count - 1);
        }
    }

    private static void Rebase(LocalChain chain, Guid id, StoredRecord head, long s, RevisionText remote, List<SyncConflict> conflicts)
    {
        List<RevisionText> pending = chain.ReadFrom(head, s + 1);
        ServerRebase.Resolution? resolution = null;
        RevisionText? renamed = null;
        try
        {
            resolution = ServerRebase.Resolve(remote, pending, chain.Author, chain.Buffer);
            IReadOnlyList<RevisionText> tail = NameCollisions.Resolve(chain, id, resolution.Revisions, conflicts, out renamed);
            chain.Write(id, head, s + 1, tail);
            SyncOutbox.Advance(chain.Database, id, s + 1, s + tail.Count);
            string name = tail[^1].Record?.Name ?? string.Empty;
            conflicts.Add(new SyncConflict(id, name, resolution.RemoteWon
                ? "Edited on two devices: the other device's version won (newer, or an edit against a removal); this device's version is kept in history."
                : "Edited on two devices: this device's version won (newer, or an edit against a removal); the other device's version is kept in history."));
        }
        finally
        {
            pending.ForEach(text => text.Dispose());
            renamed?.Dispose();
            if (resolution is not null)
            {
                foreach (RevisionText written in resolution.Revisions)
                {
                    if (!ReferenceEquals(written, remote))
                    {
                        written.Dispose();
                    }
                }
            }
        }
    }

    private static Guid ChangeAt(LocalChain chain, StoredRecord head, long revision)
    {
        using RevisionText text = chain.Read(head, revision);
        return text.Change;
    }

    /// <summary>Another process applied changes since the cursor was read.</summary>
    private sealed class CursorMoved : Exception
    {
    }
}
