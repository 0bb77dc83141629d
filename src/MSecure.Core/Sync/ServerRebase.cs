using System;
using System.Collections.Generic;
using MSecure.Core.Records.Serialization;

namespace MSecure.Core.Sync;

/// <summary>
/// Server sync's conflict resolution for one record: the server accepted another device's change
/// <c>x</c> on top of the revision this device last sent, while this device has pending revisions.
/// The new chain after the common revisions is x, then this device's genuine pending edits (winner
/// copies and tombstones dropped) re-parented with new change ids, then, unless the last of them
/// already is the winner by <see cref="WinnerRule"/> (x against the local head), a copy of the
/// winner (copyOf = the change it copies). Every device resolves the same way, nothing written
/// before is lost: x and each edit stay in the history.
/// </summary>
internal static class ServerRebase
{
    /// <summary>What to write from the common revision on, and whether x won.</summary>
    /// <param name="Revisions">x, the re-parented edits and the winner copy (the caller disposes them, not x).</param>
    /// <param name="RemoteWon">Whether x's content is current now.</param>
    internal sealed record Resolution(IReadOnlyList<RevisionText> Revisions, bool RemoteWon);

    /// <summary>Resolves <paramref name="remote"/> against <paramref name="pending"/> (oldest first, at least one) for device <paramref name="author"/>.</summary>
    internal static Resolution Resolve(RevisionText remote, IReadOnlyList<RevisionText> pending, Guid author, PinnedBufferWriter buffer)
    {
        RevisionText localHead = pending[^1];
        bool remoteWins = WinnerRule.FirstWins(remote.Candidate, localHead.Candidate);
        var chain = new List<RevisionText> { remote };
        Guid parent = remote.Change;
        RevisionText? lastGenuine = null;
        foreach (RevisionText revision in pending)
        {
            if (revision.Sync.CopyOf is not null || revision.Deleted)
            {
                continue;
            }

            RevisionText moved = revision.WithSync(Metadata(parent, author, copyOf: null), buffer);
            chain.Add(moved);
            parent = moved.Change;
            lastGenuine = revision;
        }

        RevisionText winner = remoteWins ? remote : localHead;
        bool winnerIsLast = remoteWins ? lastGenuine is null : ReferenceEquals(lastGenuine, localHead);
        if (!winnerIsLast)
        {
            chain.Add(winner.WithSync(Metadata(parent, author, copyOf: winner.Change), buffer));
        }

        return new Resolution(chain, remoteWins);
    }

    private static SyncDocument Metadata(Guid parent, Guid author, Guid? copyOf) =>
        new() { Change = Guid.NewGuid(), Parent = parent, Author = author, CopyOf = copyOf };
}
