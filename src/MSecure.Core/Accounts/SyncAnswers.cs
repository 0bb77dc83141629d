using System;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;

namespace MSecure.Core.Accounts;

/// <summary>
/// The shape checks of the server's sync answers (docs/ARCHITECTURE.md section 17.1): members the JSON
/// contract cannot require (non-null lists and envelopes), one push result per change in request
/// order, known outcomes with the members each needs. A failure is ServerProtocolError. Whether the
/// pulled sequences continue the device's cursor is the sync engine's check (SyncTampered,
/// SyncRolledBack), not this one.
/// </summary>
internal static class SyncAnswers
{
    /// <summary>Checks a pull page asked for with <paramref name="after"/> and <paramref name="limit"/>.</summary>
    internal static void CheckPull(Uri server, PullChangesResponse response, long after, int limit)
    {
        if (response.Changes is null)
        {
            throw Malformed(server, "a pull answer has no change list.");
        }

        if (response.Changes.Count > Math.Min(limit, AccountProtocol.MaxPullChanges))
        {
            throw Malformed(server, "a pull answer holds more changes than asked for.");
        }

        if (response.HasMore && response.Changes.Count == 0)
        {
            throw Malformed(server, "a pull answer says more changes follow but holds none.");
        }

        if (response.NextSequence < after || response.LatestSequence < 0)
        {
            throw Malformed(server, "a pull answer has a negative or backward sequence.");
        }

        foreach (SyncChangeResponse? change in response.Changes)
        {
            if (!IsWellFormed(change))
            {
                throw Malformed(server, "a pulled change lacks a member or has an impossible sequence or revision.");
            }
        }
    }

    /// <summary>Checks the answer to <paramref name="request"/>: one well-formed result per change, in order.</summary>
    internal static void CheckPush(Uri server, PushChangesRequest request, PushChangesResponse response)
    {
        if (response.Results is null || response.Results.Count != request.Changes.Count)
        {
            throw Malformed(server, "a push answer does not hold one result per change.");
        }

        for (int i = 0; i < response.Results.Count; i++)
        {
            PushResult? result = response.Results[i];
            PushChange pushed = request.Changes[i];
            if (result is null || result.ChangeId != pushed.ChangeId)
            {
                throw Malformed(server, "a push answer's results are not in the order of the changes.");
            }

            bool wellFormed = result.Outcome switch
            {
                SyncOutcomes.Accepted => IsStored(result, response.LatestSequence) && result.Revision == pushed.BaseRevision + 1,
                SyncOutcomes.Duplicate => IsStored(result, response.LatestSequence),
                SyncOutcomes.Conflict => result.Sequence is null && result.Revision is null
                    && (result.Current is null || (IsWellFormed(result.Current) && result.Current.RecordId == pushed.RecordId)),
                _ => false,
            };
            if (!wellFormed)
            {
                throw Malformed(server, $"the result of change {pushed.ChangeId} has an unknown outcome or lacks its sequence, revision or current change.");
            }
        }
    }

    private static bool IsStored(PushResult result, long latestSequence) =>
        result.Sequence is >= 1 and var sequence && sequence <= latestSequence
        && result.Revision >= 1
        && result.Current is null;

    private static bool IsWellFormed(SyncChangeResponse? change) =>
        change is { Envelope: not null, Sequence: >= 1, Revision: >= 1 }
        && change.RecordId != Guid.Empty
        && change.ChangeId != Guid.Empty;

    private static MSecureException Malformed(Uri server, string what) => MSecureErrors.ServerProtocolError(server, what);
}
