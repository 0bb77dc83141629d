using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MSecure.Core.Errors;

namespace MSecure.Core.Vault;

/// <summary>
/// Where vaults live: a per-user folder, and the rule that turns a vault name or path into a
/// file path.
/// </summary>
public static class VaultLocations
{
    /// <summary>The vault used when none is named.</summary>
    public const string DefaultVaultName = "default";

    /// <summary>The file extension of vault files.</summary>
    public const string FileExtension = ".msecure";

    /// <summary>The environment variable that overrides <see cref="DefaultDirectory"/>.</summary>
    public const string DirectoryVariable = "MSECURE_VAULT_DIR";

    private const int MaximumNameLength = 64;

    /// <summary>
    /// The per-user vault folder: <c>MSECURE_VAULT_DIR</c> when set; otherwise
    /// <c>%LOCALAPPDATA%\MSecure\Vaults</c> on Windows,
    /// <c>~/Library/Application Support/MSecure/Vaults</c> on macOS,
    /// <c>$XDG_DATA_HOME/msecure/vaults</c> or <c>~/.local/share/msecure/vaults</c> on Linux.
    /// Created (0700 on Unix) when the first vault is created in it.
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            string? overridden = Environment.GetEnvironmentVariable(DirectoryVariable);
            if (!string.IsNullOrEmpty(overridden))
            {
                return Path.GetFullPath(overridden);
            }

            if (OperatingSystem.IsWindows())
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "MSecure", "Vaults");
            }

            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (OperatingSystem.IsMacOS())
            {
                return Path.Combine(home, "Library", "Application Support", "MSecure", "Vaults");
            }

            string? dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            return Path.IsPathFullyQualified(dataHome ?? string.Empty)
                ? Path.Combine(dataHome!, "msecure", "vaults")
                : Path.Combine(home, ".local", "share", "msecure", "vaults");
        }
    }

    /// <summary>
    /// The full path of a vault: null or empty gives the default vault; a value with a directory
    /// separator or ending in <c>.msecure</c> is a path (made absolute); anything else is a name,
    /// <c>DefaultDirectory/&lt;name&gt;.msecure</c>.
    /// </summary>
    /// <exception cref="MSecureException">A name of other than 1 to 64 ASCII letters, digits, '-', '_' or '.' (InvalidVaultName).</exception>
    public static string Resolve(string? nameOrPath)
    {
        if (string.IsNullOrEmpty(nameOrPath))
        {
            return Path.Combine(DefaultDirectory, DefaultVaultName + FileExtension);
        }

        if (IsPath(nameOrPath))
        {
            return Path.GetFullPath(nameOrPath);
        }

        if (!IsValidName(nameOrPath))
        {
            throw MSecureErrors.InvalidVaultName(nameOrPath);
        }

        return Path.Combine(DefaultDirectory, nameOrPath + FileExtension);
    }

    /// <summary>The <c>*.msecure</c> files in <see cref="DefaultDirectory"/>, sorted; empty when the folder does not exist.</summary>
    public static IReadOnlyList<string> ListVaultPaths()
    {
        string directory = DefaultDirectory;
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*" + FileExtension)
            .Where(path => path.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The vault's name: its file name without the extension.</summary>
    public static string NameOf(string path) => Path.GetFileNameWithoutExtension(path);

    private static bool IsPath(string value) =>
        value.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || value.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal)
        || value.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase);

    private static bool IsValidName(string name) =>
        name.Length is >= 1 and <= MaximumNameLength
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && name is not "." and not "..";
}
