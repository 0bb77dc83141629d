using System;
using System.Collections.Generic;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// A set of positive numbers kept as sorted, disjoint, non-adjacent inclusive ranges, so that
/// "batches 1 to 90,000 processed" stays one pair. Immutable.
/// </summary>
internal sealed class NumberRanges
{
    private readonly (long First, long Last)[] _ranges;

    private NumberRanges((long First, long Last)[] ranges) => _ranges = ranges;

    /// <summary>The empty set.</summary>
    internal static NumberRanges Empty { get; } = new([]);

    /// <summary>The ranges, ascending.</summary>
    internal IReadOnlyList<(long First, long Last)> Ranges => _ranges;

    /// <summary>Whether the set holds no number.</summary>
    internal bool IsEmpty => _ranges.Length == 0;

    /// <summary>The largest n such that 1..n are all in the set (0 when 1 is not).</summary>
    internal long ContiguousFromOne => _ranges.Length > 0 && _ranges[0].First == 1 ? _ranges[0].Last : 0;

    /// <summary>Builds a set from any ranges (overlapping or not, in any order).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A range is not 1 ≤ first ≤ last.</exception>
    internal static NumberRanges From(IEnumerable<(long First, long Last)> ranges)
    {
        var list = new List<(long First, long Last)>(ranges);
        foreach ((long first, long last) in list)
        {
            if (first < 1 || last < first)
            {
                throw new ArgumentOutOfRangeException(nameof(ranges), "A range must satisfy 1 <= first <= last.");
            }
        }

        list.Sort();
        var merged = new List<(long First, long Last)>(list.Count);
        foreach ((long first, long last) in list)
        {
            if (merged.Count > 0 && first <= merged[^1].Last + 1)
            {
                merged[^1] = (merged[^1].First, Math.Max(merged[^1].Last, last));
            }
            else
            {
                merged.Add((first, last));
            }
        }

        return new NumberRanges([.. merged]);
    }

    /// <summary>Whether <paramref name="number"/> is in the set.</summary>
    internal bool Contains(long number)
    {
        int low = 0, high = _ranges.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            if (number < _ranges[middle].First)
            {
                high = middle - 1;
            }
            else if (number > _ranges[middle].Last)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>This set with <paramref name="more"/> added.</summary>
    internal NumberRanges Union(IEnumerable<(long First, long Last)> more)
    {
        var all = new List<(long First, long Last)>(_ranges);
        all.AddRange(more);
        return From(all);
    }
}
