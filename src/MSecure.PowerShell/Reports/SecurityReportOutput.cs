using System.Linq;
using MSecure.Core.Reports;
using MSecure.Core.Vault;
using MSecure.PowerShell.Models;

namespace MSecure.PowerShell.Reports;

/// <summary>What Get-MSecureSecurityReport writes: the engine's findings and summary as module objects.</summary>
internal static class SecurityReportOutput
{
    internal static MSecureRecordSecurity From(RecordSecurityFinding finding, string vaultPath) =>
        new(finding.Id, finding.Name, finding.Template.ToString(), finding.Tags.ToArray(), finding.HasPassword, finding.Score, finding.EntropyBits,
            finding.WeakReasons.ToArray(), finding.ReusedCount, finding.ReuseGroup, finding.PasswordChangedAt, finding.PasswordAge, finding.IsOld,
            finding.HasOneTimePassword, finding.MissingOneTimePassword, vaultPath, VaultLocations.NameOf(vaultPath));

    internal static MSecureSecurityReportSummary From(SecurityReportSummary summary, string vaultPath) =>
        new(VaultLocations.NameOf(vaultPath), vaultPath, summary.Records, summary.RecordsInVault, summary.WithPassword, summary.Weak, summary.Reused,
            summary.ReuseGroups, summary.Old, summary.LoginsWithoutOneTimePassword, summary.WithIssues, summary.ScoreCounts.ToArray(), summary.OlderThanDays,
            summary.CheckedAt, summary.Duration);
}
