using System.Linq;
using System.Management.Automation;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Checks a whole vault (SQLite's integrity check, the sealed state, the revision witness, every
/// envelope, name index and history entry) and writes a report; a vault with problems also gets a
/// VaultCheckFailed error, so <c>-ErrorAction Stop</c> makes a script fail.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MSecureVault")]
[OutputType(typeof(MSecureVaultCheck), typeof(bool))]
public sealed class TestMSecureVaultCommand : VaultPasswordCommand
{
    /// <summary>Writes only $true (sound) or $false, and no error.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <summary>Checks one vault.</summary>
    protected override void ProcessRecord()
    {
        string? path = null;
        Run(() => path ?? Vault, () =>
        {
            path = VaultTarget.Resolve(this, Vault).Path;
            string name = TerminalText.VaultNameOf(path);
            string vaultPath = path;
            VaultCheckReport report = VaultAccess.Verify(path, () => ReadPassword($"Password for vault '{name}'", vaultPath));
            if (Quiet)
            {
                WriteObject(report.IsSound);
                return;
            }

            WriteObject(new MSecureVaultCheck(VaultLocations.NameOf(path), path, report.IsSound, report.Revision, report.LiveRecords,
                report.RemovedRecords, report.HistoryEntries, report.Problems.Select(TerminalText.Of).ToArray(), report.Duration));
            if (!report.IsSound)
            {
                WriteError(ErrorRecords.Module(ModuleErrorIds.VaultCheckFailed, ErrorCategory.InvalidData,
                    $"The vault '{name}' failed its check with {report.Problems.Count} problem(s); the first: {TerminalText.Of(report.Problems[0])}", path));
            }
        });
    }
}
