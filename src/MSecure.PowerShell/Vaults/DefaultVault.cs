using System;
using MSecure.Core.Vault;

namespace MSecure.PowerShell.Vaults;

/// <summary>Where the default vault comes from, for messages that must say so.</summary>
internal enum DefaultVaultSource
{
    /// <summary>Not the default: the command named the vault with -Vault.</summary>
    Named,

    /// <summary>The MSECURE_DEFAULT_VAULT environment variable.</summary>
    Environment,

    /// <summary>The per-user settings (Set-MSecureDefaultVault).</summary>
    Settings,

    /// <summary>Nothing chose one: the vault named default.</summary>
    BuiltIn,
}

/// <summary>
/// Which vault a command uses when it names none, in this order: the MSECURE_DEFAULT_VAULT
/// environment variable (a name or a path, for one process or pipeline), the per-user setting
/// of Set-MSecureDefaultVault (<see cref="DefaultVaultSetting"/>), and else the vault named
/// default. (-Vault, when given, comes before all of them.)
/// </summary>
internal static class DefaultVault
{
    /// <summary>The environment variable that overrides the stored default vault.</summary>
    internal const string EnvironmentVariable = "MSECURE_DEFAULT_VAULT";

    /// <summary>The default vault's name or path, and where that choice comes from.</summary>
    /// <exception cref="Core.Errors.MSecureException">SettingsInvalid: the settings file is damaged.</exception>
    internal static (string Vault, DefaultVaultSource Source) Choose()
    {
        string? fromEnvironment = System.Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return (fromEnvironment, DefaultVaultSource.Environment);
        }

        return DefaultVaultSetting.Read() is { } stored
            ? (stored, DefaultVaultSource.Settings)
            : (VaultLocations.DefaultVaultName, DefaultVaultSource.BuiltIn);
    }

    /// <summary>How a message names where the default came from: " (chosen by MSECURE_DEFAULT_VAULT)".</summary>
    internal static string Describe(DefaultVaultSource source) => source switch
    {
        DefaultVaultSource.Environment => $" (chosen by {EnvironmentVariable})",
        DefaultVaultSource.Settings => " (chosen with Set-MSecureDefaultVault)",
        _ => string.Empty,
    };
}
