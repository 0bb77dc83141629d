using System;
using System.Collections.Generic;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>The counts of Get-MSecureSecurityReport -Summary. Holds no secret.</summary>
public sealed class MSecureSecurityReportSummary
{
    internal MSecureSecurityReportSummary(string vaultName, string vaultPath, int records, int recordsInVault, int withPassword, int weak, int reused, int reuseGroups,
        int old, int loginsWithoutOneTimePassword, int withIssues, IReadOnlyList<int> scoreCounts, int olderThanDays, DateTimeOffset checkedAt, TimeSpan duration)
    {
        VaultName = vaultName;
        VaultPath = vaultPath;
        Records = records;
        RecordsInVault = recordsInVault;
        WithPassword = withPassword;
        Weak = weak;
        Reused = reused;
        ReuseGroups = reuseGroups;
        Old = old;
        LoginsWithoutOneTimePassword = loginsWithoutOneTimePassword;
        WithIssues = withIssues;
        ScoreCounts = scoreCounts;
        OlderThanDays = olderThanDays;
        CheckedAt = checkedAt;
        Duration = duration;
    }

    /// <summary>The vault's name.</summary>
    public string VaultName { get; }

    /// <summary>The vault file's full path.</summary>
    public string VaultPath { get; }

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

    /// <summary>Covered records whose password is older than <see cref="OlderThanDays"/> days.</summary>
    public int Old { get; }

    /// <summary>Covered logins with a password and no one-time password seed.</summary>
    public int LoginsWithoutOneTimePassword { get; }

    /// <summary>Covered records with at least one finding.</summary>
    public int WithIssues { get; }

    /// <summary>How many covered passwords have each zxcvbn score, index 0 to 4.</summary>
    public IReadOnlyList<int> ScoreCounts { get; }

    /// <summary>The age, in days, over which a password is old.</summary>
    public int OlderThanDays { get; }

    /// <summary>When the report was made.</summary>
    public DateTimeOffset CheckedAt { get; }

    /// <summary>How long the report took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The counts.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0}: {1} records, {2} weak, {3} reused, {4} old, {5} logins without a one-time code", VaultName, Records, Weak, Reused, Old, LoginsWithoutOneTimePassword);
}
