using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using MSecure.Core.Reports;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Records;
using MSecure.PowerShell.Reports;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Reports weak, reused and old passwords and logins without a one-time code, per record or as a summary. Never a secret.</summary>
[Cmdlet(VerbsCommon.Get, "MSecureSecurityReport")]
[OutputType(typeof(MSecureRecordSecurity), typeof(MSecureSecurityReportSummary))]
public sealed class GetMSecureSecurityReportCommand : VaultCommand
{
    private const int ProgressId = 0x4D53_5352;

    /// <summary>Only records whose name matches one of these (wildcards). Default: every record.</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(RecordNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Only records with this tag.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Tag { get; set; }

    /// <summary>A password not changed for more than this many days is old.</summary>
    [Parameter]
    [ValidateRange(0, 36500)]
    public int OlderThanDays { get; set; } = 365;

    /// <summary>Writes one summary object instead of one object per record.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <summary>Writes the report of one vault.</summary>
    protected override void ProcessRecord() => Run(() => Vault, () =>
    {
        VaultReference vault = ResolveVault();
        using SessionLease<VaultSession> lease = VaultAccess.Unlocked(vault);
        var scope = new SecurityReportScope { NamePatterns = Name, Tag = Tag, OlderThanDays = OlderThanDays };
        SecurityReport report;
        try
        {
            report = SecurityReports.Run(lease.Session, scope, DateTimeOffset.UtcNow, ShowProgress);
        }
        finally
        {
            WriteProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        WriteMissingNames(report, vault.Path);
        if (Summary)
        {
            WriteObject(SecurityReportOutput.From(report.Summary, vault.Path));
            return;
        }

        foreach (RecordSecurityFinding finding in report.Findings)
        {
            WriteObject(SecurityReportOutput.From(finding, vault.Path));
        }
    });

    private const string Activity = "Security report";

    private void ShowProgress(SecurityReports.Progress progress)
    {
        string status = string.Format(CultureInfo.InvariantCulture, progress.Checking ? "Checking passwords: {0} of {1}" : "Reading records: {0} of {1}", progress.Done, progress.Total);
        int percent = progress.Total == 0 ? 0 : (progress.Checking ? 50 : 0) + (progress.Done * 50 / progress.Total);
        WriteProgress(new ProgressRecord(ProgressId, Activity, status) { PercentComplete = percent });
    }

    /// <summary>RecordNotFound for each -Name without wildcards that named no record (as Get-MSecureRecord does).</summary>
    private void WriteMissingNames(SecurityReport report, string vaultPath)
    {
        foreach (string name in Name ?? [])
        {
            if (!WildcardPattern.ContainsWildcardCharacters(name)
                && !report.Findings.Any(finding => string.Equals(finding.Name, WildcardPattern.Unescape(name), StringComparison.OrdinalIgnoreCase)))
            {
                WriteError(ErrorRecords.From(RecordLookup.NotFound(WildcardPattern.Unescape(name), vaultPath), name));
            }
        }
    }
}
