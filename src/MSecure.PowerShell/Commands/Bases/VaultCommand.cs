using System.Management.Automation;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands.Bases;

/// <summary>A cmdlet that works in a vault named by -Vault, a named parameter (the record cmdlets, whose position 0 is the record).</summary>
public abstract class VaultCommand : MSecureCommand
{
    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias(VaultParameterNames.VaultPathAlias, VaultParameterNames.FullNameAlias)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>The -Vault vault, or the default vault.</summary>
    /// <exception cref="Core.Errors.MSecureException">InvalidVaultName, SettingsInvalid.</exception>
    private protected VaultReference ResolveVault() => VaultTarget.Resolve(this, Vault);
}
