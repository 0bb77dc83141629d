using System;
using System.Management.Automation;
using MSecure.Core.Vault;

namespace MSecure.PowerShell.Vaults;

/// <summary>Turns the vault parameters of the cmdlets (-Name and -Path, or -Vault) into a vault file's full path.</summary>
internal static class VaultTarget
{
    /// <summary>The full path: -Path (a PowerShell path) wins, else -Name (null means the default vault).</summary>
    /// <exception cref="Core.Errors.MSecureException">An invalid vault name (InvalidVaultName).</exception>
    internal static string Resolve(PSCmdlet cmdlet, string? name, string? path) =>
        path is not null
            ? VaultLocations.Resolve(AsPath(cmdlet.GetUnresolvedProviderPathFromPSPath(path)))
            : VaultLocations.Resolve(name);

    /// <summary>
    /// The full path of a -Vault value: null or empty is the default vault; a value with a
    /// directory separator or ending in .msecure is a PowerShell path; anything else is a name
    /// in the per-user vault folder (the rule of <see cref="VaultLocations.Resolve"/>).
    /// </summary>
    /// <exception cref="Core.Errors.MSecureException">An invalid vault name (InvalidVaultName).</exception>
    internal static string ResolveVault(PSCmdlet cmdlet, string? vault) =>
        IsPath(vault) ? Resolve(cmdlet, null, vault) : VaultLocations.Resolve(vault);

    private static bool IsPath(string? value) =>
        !string.IsNullOrEmpty(value)
        && (value.Contains(System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || value.Contains(System.IO.Path.AltDirectorySeparatorChar, StringComparison.Ordinal)
            || value.EndsWith(VaultLocations.FileExtension, StringComparison.OrdinalIgnoreCase));

    // A -Path without a directory separator or the extension is still a path, not a name.
    private static string AsPath(string fullPath) => System.IO.Path.GetFullPath(fullPath);
}
