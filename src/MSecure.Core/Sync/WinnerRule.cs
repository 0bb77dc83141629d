using System;

namespace MSecure.Core.Sync;

/// <summary>
/// Which of two concurrent versions of a record becomes current, the same on every device: a live
/// version beats a tombstone (an edit is never lost to a delete); else the later modification
/// time; on a tie the greater author id, then the greater change id (big-endian byte order).
/// </summary>
internal static class WinnerRule
{
    /// <summary>What the rule compares.</summary>
    /// <param name="Deleted">A tombstone.</param>
    /// <param name="Modified">Modification time, Unix milliseconds.</param>
    /// <param name="Author">The writing device's vault id.</param>
    /// <param name="Change">The change id.</param>
    internal readonly record struct Candidate(bool Deleted, long Modified, Guid Author, Guid Change);

    /// <summary>Whether <paramref name="first"/> wins over <paramref name="second"/>.</summary>
    internal static bool FirstWins(Candidate first, Candidate second)
    {
        if (first.Deleted != second.Deleted)
        {
            return !first.Deleted;
        }

        if (first.Modified != second.Modified)
        {
            return first.Modified > second.Modified;
        }

        int byAuthor = IdOrder.Compare(first.Author, second.Author);
        return byAuthor != 0 ? byAuthor > 0 : IdOrder.Compare(first.Change, second.Change) > 0;
    }
}
