using System.Collections;
using System.ComponentModel;
using System.Management.Automation;
using System.Security;
using MSecure.PowerShell.Loading;

namespace MSecure.PowerShell.SecretManagement;

/// <summary>
/// The entry points of the MSecure.Extension module (MSecure.Extension.psm1), the SecretManagement
/// extension vault; not for direct use. The extension is imported on its own by path (at
/// Register-SecretVault) with this assembly as a RequiredAssembly, so the module initializer may
/// not have run: each entry point first routes MSecure.Core to its load context, and only then
/// calls the code that uses it (<see cref="SecretVaultOperations"/>, never inlined here).
/// Every failure is a <see cref="SecretVaultException"/> carrying the ErrorRecord to throw.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SecretVaultBridge
{
    /// <summary>The secret named exactly <paramref name="name"/> (ignoring case) as its SecretManagement type, or null when there is none.</summary>
    public static object? GetSecret(PSCmdlet cmdlet, string name, string? vaultName, IDictionary? additionalParameters)
    {
        DependencyResolver.Module.Register();
        return SecretVaultOperations.GetSecret(cmdlet, name, vaultName, additionalParameters);
    }

    /// <summary>The secrets whose names match the wildcard <paramref name="filter"/>; a name without wildcard characters is looked up in the name index.</summary>
    public static SecretInfoItem[] GetSecretInfo(PSCmdlet cmdlet, string? filter, string? vaultName, IDictionary? additionalParameters)
    {
        DependencyResolver.Module.Register();
        return SecretVaultOperations.GetSecretInfo(cmdlet, filter, vaultName, additionalParameters);
    }

    /// <summary>Adds the secret, or overwrites the one of that name; applies <paramref name="metadata"/>.</summary>
    public static void SetSecret(PSCmdlet cmdlet, string name, object? secret, string? vaultName, IDictionary? additionalParameters, IDictionary? metadata)
    {
        DependencyResolver.Module.Register();
        SecretVaultOperations.SetSecret(cmdlet, name, secret, vaultName, additionalParameters, metadata);
    }

    /// <summary>Removes the secret named exactly <paramref name="name"/>.</summary>
    public static void RemoveSecret(PSCmdlet cmdlet, string name, string? vaultName, IDictionary? additionalParameters)
    {
        DependencyResolver.Module.Register();
        SecretVaultOperations.RemoveSecret(cmdlet, name, vaultName, additionalParameters);
    }

    /// <summary>Replaces the secret's metadata (tags, favorite; the web address when given).</summary>
    public static void SetSecretInfo(PSCmdlet cmdlet, string name, IDictionary? metadata, string? vaultName, IDictionary? additionalParameters)
    {
        DependencyResolver.Module.Register();
        SecretVaultOperations.SetSecretInfo(cmdlet, name, metadata, vaultName, additionalParameters);
    }

    /// <summary>Whether the vault is sound; problems are written as errors.</summary>
    public static bool TestSecretVault(PSCmdlet cmdlet, string? vaultName, IDictionary? additionalParameters)
    {
        DependencyResolver.Module.Register();
        return SecretVaultOperations.TestSecretVault(cmdlet, vaultName, additionalParameters);
    }

    /// <summary>Unlocks the vault in this process's session cache (shared with Unlock-MSecureVault).</summary>
    public static void UnlockSecretVault(PSCmdlet cmdlet, SecureString password, string? vaultName, IDictionary? additionalParameters)
    {
        DependencyResolver.Module.Register();
        SecretVaultOperations.UnlockSecretVault(cmdlet, password, vaultName, additionalParameters);
    }

    /// <summary>Called before SecretManagement forgets the vault: the vault file is kept.</summary>
    public static void UnregisterSecretVault(PSCmdlet cmdlet, string? vaultName, IDictionary? additionalParameters)
    {
        DependencyResolver.Module.Register();
        SecretVaultOperations.UnregisterSecretVault(cmdlet, vaultName, additionalParameters);
    }
}
