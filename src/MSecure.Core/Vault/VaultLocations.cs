using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MSecure.Core.Errors;

namespace MSecure.Core.Vault;

/// <summary>
/// Where vaults live: a per-user folder, the rule that turns a vault NAME into a file path there,
/// and the rule that tells a name from a path.
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
    /// <exception cref="MSecureException">InvalidArgument: <c>MSECURE_VAULT_DIR</c> is not a full path (it would depend on the process's working directory).</exception>
    public static string DefaultDirectory
    {
        get
        {
            string? overridden = Environment.GetEnvironmentVariable(DirectoryVariable);
            if (!string.IsNullOrEmpty(overridden))
            {
                return Path.IsPathFullyQualified(overridden)
                    ? Path.GetFullPath(overridden)
                    : throw MSecureErrors.InvalidArgument(DirectoryVariable, "it must be a full path; a relative folder would depend on the working directory of the process.");
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

    /// <summary>The file name of the per-user settings (the default vault), inside <see cref="DefaultDirectory"/>.</summary>
    public const string SettingsFileName = "settings.json";

    /// <summary>The full path of the default vault when none is chosen: <c>DefaultDirectory/default.msecure</c>.</summary>
    public static string DefaultVaultPath => PathOfName(DefaultVaultName);

    /// <summary>The per-user settings file: <c>DefaultDirectory/settings.json</c>.</summary>
    public static string SettingsPath => Path.Combine(DefaultDirectory, SettingsFileName);

    /// <summary>
    /// The full path of the vault NAMED <paramref name="name"/>: <c>DefaultDirectory/&lt;name&gt;.msecure</c>.
    /// A name is never a path: it cannot leave the folder, and nothing here is resolved against
    /// the process's working directory. Callers turn paths into full paths themselves (in
    /// PowerShell, against the current location) and use <see cref="IsPath"/> to tell them apart.
    /// </summary>
    /// <exception cref="MSecureException">Not a valid name (<see cref="IsValidName"/>): InvalidVaultName.</exception>
    public static string PathOfName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValidName(name))
        {
            throw MSecureErrors.InvalidVaultName(Records.DisplayText.Neutralize(name)!);
        }

        return Path.Combine(DefaultDirectory, name + FileExtension);
    }

    /// <summary>
    /// Whether a vault argument is a path rather than a name: it holds a directory separator
    /// ('/' everywhere, '\' on Windows), ends with <c>.msecure</c>, or is rooted.
    /// </summary>
    public static bool IsPath(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || value.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal)
            || value.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase)
            || Path.IsPathRooted(value);
    }

    /// <summary>
    /// Whether <paramref name="name"/> is a valid vault name: 1 to 64 ASCII letters, digits, '-',
    /// '_' or '.', not '.' or '..', and not ending with <c>.msecure</c> (that makes it a path).
    /// </summary>
    public static bool IsValidName(string name) =>
        name is not null
        && name.Length is >= 1 and <= MaximumNameLength
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && name is not "." and not ".."
        && !name.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The vault's name when <paramref name="fullPath"/> is a vault of the per-user folder
    /// (<c>DefaultDirectory/&lt;valid name&gt;.msecure</c>), else null.
    /// </summary>
    public static string? NameInDefaultDirectory(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        string name = NameOf(fullPath);
        return Path.IsPathFullyQualified(fullPath)
            && IsValidName(name)
            && Sessions.VaultPathComparer.Instance.Equals(Path.GetFullPath(fullPath), PathOfName(name))
            ? name
            : null;
    }

    /// <summary>Creates <see cref="DefaultDirectory"/> and its missing parents (0700 on Unix) when it does not exist.</summary>
    public static void EnsureDefaultDirectory() => Storage.VaultFilePermissions.EnsureDirectory(DefaultDirectory);

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
}
