using System;
using System.Collections.Generic;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;
using MSecure.Core.Storage;
using MSecure.Core.Vault;

namespace MSecure.Core.Sync;

/// <summary>
/// Sends every outbox record's pending revisions (server revision + 1 to the local one), in order,
/// each based on the revision before it, in batches within the server's limits. Accepted and
/// duplicate changes advance the record's server revision (the outbox entry goes once it reaches
/// the local revision, re-read in the write); a conflict is left for the next pull to resolve.
/// </summary>
internal sealed class ServerPush
{
    /// <summary>Bytes a change adds to the JSON body besides its envelope's base64.</summary>
    private const int ChangeOverheadBytes = 256;

    /// <summary>How many outbox entries one read looks at.</summary>
    private const int EntriesPerRead = 1024;

    private readonly UnlockedVault _vault;
    private readonly ISyncServer _server;
    private readonly SyncEnvelope _envelopes;
    private readonly int _maxChanges;
    private readonly int _maxBodyBytes;

    internal ServerPush(UnlockedVault vault, ISyncServer server, SyncEnvelope envelopes,
        int maxChanges = AccountProtocol.MaxPushChanges, int maxBodyBytes = AccountProtocol.MaxPushBodyBytes - (1024 * 1024))
    {
        _vault = vault;
        _server = server;
        _envelopes = envelopes;
        _maxChanges = maxChanges;
        _maxBodyBytes = maxBodyBytes;
    }

    /// <summary>Changes the server accepted (not duplicates).</summary>
    internal int Pushed { get; private set; }

    /// <summary>Sends everything pending; returns whether any change met a conflict.</summary>
    internal bool Run(Action<int>? progress)
    {
        bool conflicts = false;
        Guid? after = null;
        while (true)
        {
            Batch batch = _vault.Read(() => Build(after));
            if (batch.Changes.Count == 0)
            {
                if (batch.Next is null)
                {
                    return conflicts;
                }

                after = batch.Next;
                continue;
            }

            PushChangesResponse response = _server.Push(new PushChangesRequest { Changes = batch.Changes });
            bool batchConflicts = Record(batch, response);
            conflicts |= batchConflicts;
            progress?.Invoke(Pushed);
            // A record split across batches is sent on from where the server took it, unless it met a conflict.
            after = batch.Split is { } split && batchConflicts ? split : batch.Next;
            if (after is null && batch.Split is null)
            {
                return conflicts;
            }
        }
    }

    private Batch Build(Guid? after)
    {
        var changes = new List<PushChange>();
        var revisions = new List<long>();
        long bytes = 0;
        Guid? lastComplete = after;
        using var chain = new LocalChain(_vault, change: null);
        List<OutboxEntry> entries = SyncOutbox.ReadPage(_vault.Database, after, EntriesPerRead);
        foreach (OutboxEntry entry in entries)
        {
            var head = new StoredRecord(entry.RecordId, entry.Revision, entry.Deleted, 0, null, null, entry.Content, null);
            for (long revision = entry.ServerRevision + 1; revision <= entry.Revision; revision++)
            {
                PushChange change = Seal(chain, head, revision);
                long size = ((change.Envelope.Length + 2) / 3 * 4) + ChangeOverheadBytes;
                if (changes.Count > 0 && (changes.Count == _maxChanges || bytes + size > _maxBodyBytes))
                {
                    return new Batch(changes, revisions, lastComplete ?? after, revision > entry.ServerRevision + 1 ? entry.RecordId : null);
                }

                changes.Add(change);
                revisions.Add(revision);
                bytes += size;
            }

            lastComplete = entry.RecordId;
        }

        return new Batch(changes, revisions, entries.Count == EntriesPerRead ? lastComplete : null, null);
    }

    private PushChange Seal(LocalChain chain, StoredRecord head, long revision)
    {
        using RevisionText stored = chain.Read(head, revision);
        RevisionText text = stored.WithWrittenMetadata(chain.Buffer);
        try
        {
            return new PushChange
            {
                ChangeId = text.Change,
                RecordId = head.Id,
                BaseRevision = revision - 1,
                Deleted = text.Deleted,
                Envelope = _envelopes.Seal(head.Id, text.Change, text.Json),
            };
        }
        finally
        {
            text.Dispose();
        }
    }

    /// <summary>Checks the results against the request and advances the outbox in one write; returns whether a change met a conflict.</summary>
    private bool Record(Batch batch, PushChangesResponse response)
    {
        if (response.Results is null || response.Results.Count != batch.Changes.Count)
        {
            throw MSecureErrors.ServerProtocolError(new Uri(_server.Source), "a push was answered with another number of results than changes.");
        }

        var held = new Dictionary<Guid, long>();
        var sequences = new List<long>();
        bool conflicts = false;
        for (int i = 0; i < batch.Changes.Count; i++)
        {
            PushChange change = batch.Changes[i];
            PushResult result = response.Results[i];
            if (result.ChangeId != change.ChangeId)
            {
                throw MSecureErrors.ServerProtocolError(new Uri(_server.Source), "a push was answered with results in another order than its changes.");
            }

            switch (result.Outcome)
            {
                case SyncOutcomes.Accepted or SyncOutcomes.Duplicate when result.Revision == batch.Revisions[i]:
                    Pushed += result.Outcome == SyncOutcomes.Accepted ? 1 : 0;
                    held[change.RecordId] = Math.Max(held.GetValueOrDefault(change.RecordId), batch.Revisions[i]);
                    sequences.Add(result.Sequence ?? 0);
                    break;
                case SyncOutcomes.Conflict:
                    conflicts = true;
                    break;
                default:
                    throw MSecureErrors.SyncTampered(_server.Source, "a pushed change was stored at another revision than the one it continues.");
            }
        }

        _vault.Write(() =>
        {
            foreach ((Guid id, long revision) in held)
            {
                if (SyncOutbox.Find(_vault.Database, id) is { } serverRevision && serverRevision < revision)
                {
                    SyncOutbox.Advance(_vault.Database, id, revision, RecordStore.Find(_vault.Database, id)?.Revision ?? 0);
                }
            }

            AdvanceCursorOverOwnChanges(sequences);
            return 0;
        });
        return conflicts;
    }

    /// <summary>
    /// Inside the results' write: when this device's changes were stored right after the cursor
    /// (nobody else pushed in between), the cursor moves over them, so the next pull does not
    /// download this device's own changes again. Any other change keeps the cursor where it is.
    /// </summary>
    private void AdvanceCursorOverOwnChanges(List<long> sequences)
    {
        if (SyncStateStore.Read(_vault) is not { Method: SyncState.ServerMethod } state)
        {
            return;
        }

        sequences.Sort();
        long cursor = state.Cursor;
        foreach (long sequence in sequences)
        {
            if (sequence == cursor + 1)
            {
                cursor = sequence;
            }
            else if (sequence > cursor)
            {
                break;
            }
        }

        if (cursor != state.Cursor)
        {
            SyncStateStore.Write(_vault, state with { Cursor = cursor });
        }
    }

    /// <summary>Changes to send, the revision each creates, the outbox id to continue after, and a record split across batches.</summary>
    private sealed record Batch(List<PushChange> Changes, List<long> Revisions, Guid? Next, Guid? Split);
}
