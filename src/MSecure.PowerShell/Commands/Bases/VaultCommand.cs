using System.Management.Automation;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands.Bases;

/// <summary>A cmdlet that works in a vault named by -Vault, a named parameter.</summary>
public abstract class VaultCommand : MSecureCommand
{
    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("VaultPath")]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>The full path of the -Vault vault.</summary>
    /// <exception cref="Core.Errors.MSecureException">InvalidVaultName.</exception>
    protected string ResolveVault() => VaultTarget.ResolveVault(this, Vault);
}
