using System.IO;
using MSecure.Core.Vault;

namespace MSecure.Cli.Infrastructure;

/// <summary>Turns a --vault value into a vault file's full path: a name in the per-user vault folder, or a path.</summary>
internal static class VaultPaths
{
    /// <summary>The full path of <paramref name="vault"/> (null: the default vault).</summary>
    internal static string Resolve(string? vault) =>
        vault is null ? VaultLocations.DefaultVaultPath
        : VaultLocations.IsPath(vault) ? Path.GetFullPath(vault)
        : VaultLocations.PathOfName(vault);

    /// <summary>The vault's name for messages: its file name without the extension.</summary>
    internal static string NameOf(string fullPath) => VaultLocations.NameOf(fullPath);
}
