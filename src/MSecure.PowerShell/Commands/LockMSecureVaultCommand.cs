using System.Management.Automation;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Locks a vault, or every vault, wiping its keys from memory.</summary>
[Cmdlet(VerbsCommon.Lock, "MSecureVault", DefaultParameterSetName = VaultParameterSets.Vault, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(void))]
public sealed class LockMSecureVaultCommand : MSecureCommand
{
    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(ParameterSetName = VaultParameterSets.Vault, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias(VaultParameterNames.VaultPathAlias, VaultParameterNames.FullNameAlias)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>Locks every unlocked vault.</summary>
    [Parameter(ParameterSetName = VaultParameterSets.All, Mandatory = true)]
    public SwitchParameter All { get; set; }

    /// <summary>Locks one vault, or all.</summary>
    protected override void ProcessRecord()
    {
        if (All)
        {
            if (ShouldProcess("all unlocked vaults", "Lock"))
            {
                WriteVerbose($"Locked {VaultSessions.Cache.LockAll()} vault(s).");
            }

            return;
        }

        Run(() => Vault, () =>
        {
            string path = VaultTarget.Resolve(this, Vault).Path;
            string shown = TerminalText.Of(path);
            if (ShouldProcess(shown, "Lock vault"))
            {
                WriteVerbose(VaultSessions.Cache.Lock(path) ? $"Locked '{shown}'." : $"'{shown}' was not unlocked.");
            }
        });
    }
}
