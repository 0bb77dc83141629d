using System;
using System.Management.Automation;
using MSecure.Core.Vault;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Formatting;

namespace MSecure.PowerShell.Vaults;

/// <summary>
/// Turns the -Vault parameter of every cmdlet into a vault file's full path. A value is a PATH
/// when it holds a directory separator, ends with .msecure or is rooted
/// (<see cref="VaultLocations.IsPath"/>): it is resolved by PowerShell's FileSystem provider,
/// so relative to the current location ($PWD), never to the process's working directory.
/// Anything else is a vault NAME in the per-user vault folder, which can never leave it. No
/// value means the default vault (<see cref="DefaultVault"/>).
/// </summary>
internal static class VaultTarget
{
    /// <summary>The vault of <paramref name="vault"/> (a -Vault value), or the default vault when it is null or empty.</summary>
    /// <exception cref="Core.Errors.MSecureException">InvalidVaultName, SettingsInvalid.</exception>
    /// <exception cref="ModuleException">InvalidArgument: a path that is not a file system path.</exception>
    internal static VaultReference Resolve(PSCmdlet cmdlet, string? vault)
    {
        ArgumentNullException.ThrowIfNull(cmdlet);
        return Resolve(cmdlet.SessionState.Path, vault);
    }

    /// <inheritdoc cref="Resolve(PSCmdlet, string?)"/>
    internal static VaultReference Resolve(PathIntrinsics paths, string? vault)
    {
        if (!string.IsNullOrEmpty(vault))
        {
            return new VaultReference(PathOf(paths, vault), DefaultVaultSource.Named);
        }

        (string chosen, DefaultVaultSource source) = DefaultVault.Choose();
        return new VaultReference(PathOf(paths, chosen), source);
    }

    /// <summary>
    /// The default vault's full path for marking it in output (IsDefault), or null when it
    /// cannot be resolved: then <paramref name="warn"/> says why, and the listing goes on.
    /// </summary>
    internal static string? DefaultPathForDisplay(PSCmdlet cmdlet, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(warn);
        try
        {
            return Resolve(cmdlet, null).Path;
        }
        catch (Exception exception) when (exception is Core.Errors.MSecureException or ModuleException)
        {
            warn(exception.Message);
            return null;
        }
    }

    /// <summary>The full path of a vault name or path (see the class remarks).</summary>
    /// <exception cref="Core.Errors.MSecureException">InvalidVaultName.</exception>
    /// <exception cref="ModuleException">InvalidArgument: a path that is not a file system path.</exception>
    internal static string PathOf(PathIntrinsics paths, string vault)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(vault);
        if (!VaultLocations.IsPath(vault))
        {
            return VaultLocations.PathOfName(vault);
        }

        string fullPath;
        ProviderInfo provider;
        try
        {
            fullPath = paths.GetUnresolvedProviderPathFromPSPath(vault, out provider, out _);
        }
        catch (SessionStateException exception)
        {
            throw NotAFileSystemPath(vault, exception);
        }

        return provider.Name == "FileSystem" ? fullPath : throw NotAFileSystemPath(vault, null);
    }

    /// <summary>How a message tells the user to name <paramref name="path"/> with -Vault: its name when it is in the vault folder, else its quoted path.</summary>
    internal static string ArgumentFor(string path)
    {
        string? name = VaultLocations.NameInDefaultDirectory(path);
        return name ?? "'" + TerminalText.Of(path).Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static ModuleException NotAFileSystemPath(string vault, Exception? cause) =>
        new(ModuleErrorIds.InvalidArgument, ErrorCategory.InvalidArgument,
            $"The vault path '{TerminalText.Of(vault)}' is not a file system path: give a file path (relative to the current location) or a vault name.", cause);
}
