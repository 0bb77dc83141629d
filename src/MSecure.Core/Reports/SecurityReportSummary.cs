using System;
using System.Collections.Generic;
using System.Globalization;

namespace MSecure.Core.Reports;

/// <summary>The counts of a security report over the records it covered. Holds no secret.</summary>
public sealed class SecurityReportSummary
{
    internal SecurityReportSummary(IReadOnlyList<RecordSecurityFinding> findings, int recordsInVault, int olderThanDays, DateTimeOffset checkedAt, TimeSpan duration)
    {
        var scores = new int[5];
        var groups = new HashSet<int>();
        foreach (RecordSecurityFinding finding in findings)
        {
            Records++;
            WithPassword += finding.HasPassword ? 1 : 0;
            Weak += finding.IsWeak ? 1 : 0;
            Reused += finding.IsReused ? 1 : 0;
            Old += finding.IsOld ? 1 : 0;
            LoginsWithoutOneTimePassword += finding.MissingOneTimePassword ? 1 : 0;
            WithIssues += finding.HasIssues ? 1 : 0;
            if (finding.Score is { } score)
            {
                scores[score]++;
            }

            if (finding.ReuseGroup is { } group)
            {
                groups.Add(group);
            }
        }

        ReuseGroups = groups.Count;
        ScoreCounts = scores;
        RecordsInVault = recordsInVault;
        OlderThanDays = olderThanDays;
        CheckedAt = checkedAt;
        Duration = duration;
    }

    /// <summary>Records the report covered (after -Name and -Tag).</summary>
    public int Records { get; }

    /// <summary>Live records in the vault (reuse is looked for among all of them).</summary>
    public int RecordsInVault { get; }

    /// <summary>Covered records with a password.</summary>
    public int WithPassword { get; }

    /// <summary>Covered records with a weak password.</summary>
    public int Weak { get; }

    /// <summary>Covered records whose password another record of the vault also has.</summary>
    public int Reused { get; }

    /// <summary>Distinct reused passwords among the covered records.</summary>
    public int ReuseGroups { get; }

    /// <summary>Covered records whose password is older than <see cref="OlderThanDays"/>.</summary>
    public int Old { get; }

    /// <summary>Covered logins with a password and no one-time password seed.</summary>
    public int LoginsWithoutOneTimePassword { get; }

    /// <summary>Covered records with at least one finding.</summary>
    public int WithIssues { get; }

    /// <summary>How many covered passwords have each zxcvbn score: index 0 to 4.</summary>
    public IReadOnlyList<int> ScoreCounts { get; }

    /// <summary>The age over which a password counts as old, in days.</summary>
    public int OlderThanDays { get; }

    /// <summary>When the report was made (the "now" ages are counted to).</summary>
    public DateTimeOffset CheckedAt { get; }

    /// <summary>How long the report took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The counts.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0} records: {1} weak, {2} reused, {3} old, {4} logins without a one-time code", Records, Weak, Reused, Old, LoginsWithoutOneTimePassword);
}
