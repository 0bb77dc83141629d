using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Sync;

namespace MSecure.Core.Tests.Sync;

/// <summary>
/// The account server's sync semantics in memory (docs/ARCHITECTURE.md section 17): a gap-free
/// sequence, accepted iff the base is the record's current revision, duplicates by change id. Tests
/// tamper with what it serves through <see cref="ServePage"/>.
/// </summary>
internal sealed class InMemorySyncServer
{
    private readonly List<SyncChangeResponse> _log = [];
    private readonly Dictionary<Guid, SyncChangeResponse> _byChange = [];
    private readonly Dictionary<Guid, SyncChangeResponse> _heads = [];
    private long _lastSequence;

    public string Source { get; } = "https://sync.test/";

    /// <summary>The stored changes in sequence order.</summary>
    public List<SyncChangeResponse> Log => _log;

    /// <summary>Rewrites each pull page before it is served (tampering); identity by default.</summary>
    public Func<PullChangesResponse, PullChangesResponse> ServePage { get; set; } = page => page;

    public int Pulls { get; private set; }

    public int Pushes { get; private set; }

    /// <summary>What PUT /v1/account/key does: the log goes, the sequence stays.</summary>
    public void DropLog()
    {
        _log.Clear();
        _byChange.Clear();
        _heads.Clear();
    }

    /// <summary>Restores the server from an older copy: the log and the sequence go back to <paramref name="sequence"/>.</summary>
    public void RollBackTo(long sequence)
    {
        _log.RemoveAll(change => change.Sequence > sequence);
        _lastSequence = sequence;
    }

    /// <summary>A client for one device.</summary>
    public ISyncServer For(Guid deviceId) => new Client(this, deviceId);

    private PullChangesResponse Pull(long after, int limit)
    {
        Pulls++;
        // Tests that edit the log by hand keep sequences in order; the page starts at the first one after.
        int start = _log.FindIndex(change => change.Sequence > after);
        List<SyncChangeResponse> changes = start < 0 ? [] : _log.Skip(start).Take(limit).ToList();
        long latest = Math.Max(_lastSequence, _log.Count == 0 ? 0 : _log[^1].Sequence);
        long next = changes.Count == 0 ? after : changes[^1].Sequence;
        bool more = start >= 0 && start + changes.Count < _log.Count;
        return ServePage(new PullChangesResponse { Changes = changes, NextSequence = next, LatestSequence = latest, HasMore = more });
    }

    private PushChangesResponse Push(Guid deviceId, PushChangesRequest request)
    {
        Pushes++;
        var results = new List<PushResult>();
        foreach (PushChange change in request.Changes)
        {
            if (_byChange.GetValueOrDefault(change.ChangeId) is { } duplicate)
            {
                if (duplicate.RecordId != change.RecordId)
                {
                    throw new InvalidOperationException("A change id of another record.");
                }

                results.Add(new PushResult { ChangeId = change.ChangeId, Outcome = SyncOutcomes.Duplicate, Sequence = duplicate.Sequence, Revision = duplicate.Revision, Current = null });
                continue;
            }

            SyncChangeResponse? current = _heads.GetValueOrDefault(change.RecordId);
            if ((current?.Revision ?? 0) != change.BaseRevision)
            {
                results.Add(new PushResult { ChangeId = change.ChangeId, Outcome = SyncOutcomes.Conflict, Sequence = null, Revision = null, Current = current });
                continue;
            }

            var stored = new SyncChangeResponse
            {
                Sequence = ++_lastSequence,
                RecordId = change.RecordId,
                Revision = change.BaseRevision + 1,
                ChangeId = change.ChangeId,
                Deleted = change.Deleted,
                DeviceId = deviceId,
                Envelope = change.Envelope,
            };
            _log.Add(stored);
            _byChange[stored.ChangeId] = stored;
            _heads[stored.RecordId] = stored;
            results.Add(new PushResult { ChangeId = change.ChangeId, Outcome = SyncOutcomes.Accepted, Sequence = stored.Sequence, Revision = stored.Revision, Current = null });
        }

        return new PushChangesResponse { Results = results, LatestSequence = _lastSequence };
    }

    private sealed class Client(InMemorySyncServer server, Guid deviceId) : ISyncServer
    {
        public string Source => server.Source;

        public PullChangesResponse Pull(long after, int limit) => server.Pull(after, limit);

        public PushChangesResponse Push(PushChangesRequest request) => server.Push(deviceId, request);
    }
}
