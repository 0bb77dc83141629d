using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;

namespace MSecure.Core.Sync;

/// <summary>
/// The checks of a pull page before anything of it is applied: the server's latest sequence is
/// not below the cursor (SyncRolledBack: a restored or another server), and the page continues the
/// cursor without a gap (sequences cursor + 1, cursor + 2, …; only a device with cursor 0 accepts a
/// first sequence above 1, the log of an account whose key was rotated), with a consistent next sequence.
/// </summary>
internal static class PullPageCheck
{
    /// <summary>Checks <paramref name="page"/> pulled after <paramref name="cursor"/> with <paramref name="limit"/>.</summary>
    /// <exception cref="MSecureException">SyncRolledBack, SyncTampered.</exception>
    internal static void Check(string source, long cursor, int limit, PullChangesResponse page)
    {
        if (page.LatestSequence < cursor)
        {
            throw MSecureErrors.SyncRolledBack(source, cursor, page.LatestSequence);
        }

        if (page.Changes is null || page.Changes.Count > limit || (page.HasMore && page.Changes.Count == 0))
        {
            throw MSecureErrors.SyncTampered(source, "a page of changes is empty, or longer than asked, yet claims more.");
        }

        long expected = cursor + 1;
        for (int i = 0; i < page.Changes.Count; i++)
        {
            SyncChangeResponse change = page.Changes[i];
            bool firstAfterRotation = i == 0 && cursor == 0 && change.Sequence > 0;
            if (change is null || (change.Sequence != expected && !firstAfterRotation) || change.Revision < 1 || change.Envelope is null)
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
