using System;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;

namespace MSecure.Core.Sync;

/// <summary>
/// The checks of a pull page before anything of it is applied: the server's latest sequence is
/// not below the highest sequence this device knows the server stored (SyncRolledBack: a restored or
/// another server), and the page continues the cursor without a gap (sequences cursor + 1, cursor + 2,
/// …; a rotation restarts the server's log at 1 and this device's cursor at 0), with a consistent next sequence.
/// </summary>
internal static class PullPageCheck
{
    /// <summary>
    /// Checks <paramref name="page"/> pulled after <paramref name="cursor"/> with <paramref name="limit"/>;
    /// <paramref name="highest"/> is the highest sequence the server acknowledged to this device
    /// (applied or accepted from its own pushes).
    /// </summary>
    /// <exception cref="MSecureException">SyncRolledBack, SyncTampered.</exception>
    internal static void Check(string source, long cursor, long highest, int limit, PullChangesResponse page)
    {
        long seen = Math.Max(cursor, highest);
        if (page.LatestSequence < seen)
        {
            throw MSecureErrors.SyncRolledBack(source, seen, page.LatestSequence);
        }

        if (page.Changes is null || page.Changes.Count > limit || (page.HasMore && page.Changes.Count == 0))
        {
            throw MSecureErrors.SyncTampered(source, "a page of changes is empty, or longer than asked, yet claims more.");
        }

        long expected = cursor + 1;
        for (int i = 0; i < page.Changes.Count; i++)
        {
            SyncChangeResponse change = page.Changes[i];
            if (change is null || change.Sequence != expected || change.Revision < 1 || change.Envelope is null)
            {
                throw MSecureErrors.SyncTampered(source, "the changes do not continue the sequence this device holds (a change is missing, repeated or out of order).");
            }

            expected = change.Sequence + 1;
        }

        long last = expected - 1;
        if (page.NextSequence != (page.Changes.Count == 0 ? cursor : last) || page.LatestSequence < page.NextSequence)
        {
            throw MSecureErrors.SyncTampered(source, "the page's next or latest sequence does not match its changes.");
        }
    }
}
