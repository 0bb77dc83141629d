using System;
using System.Management.Automation;
using MSecure.PowerShell.Kits;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands.Bases;

/// <summary>A cmdlet that changes the keys of the -Vault vault, offline, and saves its new emergency kit.</summary>
public abstract class VaultKeyCommand : VaultPasswordCommand
{
    /// <summary>Where to save the new kit as a printable HTML page (default: beside the vault file).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KitPath { get; set; }

    /// <summary>
    /// Runs <paramref name="body"/> with the full path of the vault, which must exist, and of the
    /// new kit, which must not; a failure is an error on the vault (its full path once known).
    /// The body creates the kit file (<see cref="KitReservation"/>) before it changes any key.
    /// </summary>
    protected void RunOnVault(Action<string, string> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        string? path = null;
        Run(() => path ?? Vault, () =>
        {
            VaultReference vault = VaultTarget.Resolve(this, Vault);
            path = vault.Path;
            VaultAccess.EnsureExists(vault);
            string kitPath = KitPath is null ? KitFiles.DefaultPathFor(path) : GetUnresolvedProviderPathFromPSPath(KitPath);
            KitFiles.EnsureWritable(kitPath, force: false);
            body(path, kitPath);
        });
    }
}
