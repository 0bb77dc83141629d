using System;
using System.Management.Automation;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands.Bases;

/// <summary>A cmdlet that works with the account server of the unlocked -Vault vault (position 0, like the other vault cmdlets).</summary>
public abstract class AccountCommand : MSecureCommand
{
    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias(VaultParameterNames.VaultPathAlias, VaultParameterNames.FullNameAlias)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>
    /// Runs <paramref name="body"/> with the full path of the vault and a lease on its unlocked
    /// session; a failure is an error on <paramref name="target"/>, else on the vault.
    /// </summary>
    private protected void RunOnUnlockedVault(Action<string, VaultSession> body, Func<object?>? target = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? path = null;
        Run(target ?? (() => path ?? Vault), () =>
        {
            VaultReference vault = VaultTarget.Resolve(this, Vault);
            path = vault.Path;
            using SessionLease<VaultSession> lease = VaultAccess.Unlocked(vault);
            body(vault.Path, lease.Session);
        });
    }
}
