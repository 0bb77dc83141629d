using System;
using System.Management.Automation;
using MSecure.Core.Sessions;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands.Bases;

/// <summary>A cmdlet that opens a vault with its password and leaves it unlocked in this session until it has been idle for -Timeout.</summary>
public abstract class VaultSessionCommand : VaultPasswordCommand
{
    /// <summary>How long the vault may stay unused before it locks itself.</summary>
    [Parameter]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Runs <paramref name="body"/> with the full path of the -Vault vault (or the default vault)
    /// and the checked -Timeout; a failure is an error on the vault (its full path once known).
    /// </summary>
    protected void RunOnVault(Action<string, TimeSpan> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? fullPath = null;
        Run(() => fullPath ?? Vault, () =>
        {
            fullPath = VaultTarget.Resolve(this, Vault).Path;
            body(fullPath, SessionTimeouts.Validate(Timeout));
        });
    }
}
