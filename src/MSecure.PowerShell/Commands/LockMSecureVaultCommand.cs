using System.Management.Automation;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Locks a vault, or every vault, wiping its keys from memory.</summary>
[Cmdlet(VerbsCommon.Lock, "MSecureVault", DefaultParameterSetName = VaultParameterSets.Name, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(void))]
public sealed class LockMSecureVaultCommand : MSecureCommand
{
    /// <summary>The vault's name (default: the default vault).</summary>
    [Parameter(ParameterSetName = VaultParameterSets.Name, Position = 0, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The vault file's path.</summary>
    [Parameter(ParameterSetName = VaultParameterSets.Path, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

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

        Run(() => Name ?? Path, () =>
        {
            string path = VaultTarget.Resolve(this, Name, Path);
            if (ShouldProcess(path, "Lock vault"))
            {
                WriteVerbose(VaultSessions.Cache.Lock(path) ? $"Locked '{path}'." : $"'{path}' was not unlocked.");
            }
        });
    }
}
