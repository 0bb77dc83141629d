using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Records;

namespace MSecure.Core.Reports;

/// <summary>Which records a security report covers; reuse is still looked for among all of them.</summary>
public sealed class SecurityReportScope
{
    /// <summary>Name patterns (wildcards, ignoring case, see <see cref="WildcardMatcher"/>); null or empty: every name.</summary>
    public IReadOnlyList<string>? NamePatterns { get; init; }

    /// <summary>Only records with this tag, ignoring case; null: any.</summary>
    public string? Tag { get; init; }

    /// <summary>A password older than this many days is old (default 365).</summary>
    public int OlderThanDays { get; init; } = 365;

    /// <summary>A predicate over records built from the patterns.</summary>
    /// <exception cref="Errors.MSecureException">InvalidArgument: a malformed pattern.</exception>
    internal Func<Record, bool> Matcher()
    {
        WildcardMatcher[] names = (NamePatterns ?? []).Select(WildcardMatcher.Parse).ToArray();
        string? tag = Tag;
        return record => (names.Length == 0 || names.Any(name => name.IsMatch(record.Name)))
            && (tag is null || record.Tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)));
    }
}
