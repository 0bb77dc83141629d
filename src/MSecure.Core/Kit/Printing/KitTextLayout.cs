using System;
using System.Collections.Generic;

namespace MSecure.Core.Kit.Printing;

/// <summary>
/// Lays kit text out for reading and typing: its groups (the parts between <c>-</c>, longer
/// parts cut every 5 characters), a few groups per line.
/// </summary>
internal static class KitTextLayout
{
    /// <summary>Characters in a group, as in the kit text.</summary>
    internal const int GroupLength = KitText.GroupLength;

    /// <summary>Groups per printed line: 6 groups of 5 are 35 characters with the dashes.</summary>
    internal const int GroupsPerLine = 6;

    /// <summary>The groups of <paramref name="kitText"/>, in order.</summary>
    internal static List<string> Groups(string kitText)
    {
        var groups = new List<string>();
        foreach (string part in kitText.Split(KitText.Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            for (int start = 0; start < part.Length; start += GroupLength)
            {
                groups.Add(part.Substring(start, Math.Min(GroupLength, part.Length - start)));
            }
        }

        return groups;
    }

    /// <summary>The groups, <see cref="GroupsPerLine"/> to a line.</summary>
    internal static List<List<string>> Lines(string kitText)
    {
        var lines = new List<List<string>>();
        foreach (string group in Groups(kitText))
        {
            if (lines.Count == 0 || lines[^1].Count == GroupsPerLine)
            {
                lines.Add(new List<string>(GroupsPerLine));
            }

            lines[^1].Add(group);
        }

        return lines;
    }
}
