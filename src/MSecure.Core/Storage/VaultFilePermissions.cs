using System;
using System.Collections.Generic;
using System.IO;

namespace MSecure.Core.Storage;

/// <summary>
/// Keeps vault files private on Unix: the vault and its <c>-wal</c> and <c>-shm</c> companions
/// have no group or other permission bits (0600 when MSecure creates them), folders MSecure creates
/// for them are 0700. The vault file is created 0600 before SQLite opens it, and an existing one is
/// restricted before SQLite opens it, so the companions SQLite creates (with the vault file's mode)
/// are private too, even when the open then fails. A vault the owner made read-only stays read-only.
/// A vault in a folder other users can write is refused: they could replace or delete it, or plant
/// its companions. Windows relies on the per-user profile folder's access control instead.
/// </summary>
internal static class VaultFilePermissions
{
    /// <summary>Owner read and write.</summary>
    internal const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner read, write and search.</summary>
    internal const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The SQLite companion files of a WAL-mode database.</summary>
    internal static readonly string[] CompanionSuffixes = ["-wal", "-shm"];

    /// <summary>Creates <paramref name="directory"/> and any missing parents, 0700 on Unix. Existing folders are left as they are.</summary>
    internal static void EnsureDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only: create
        // each missing one, outermost first, so every folder MSecure makes is 0700.
        var missing = new Stack<string>();
        for (string? current = Path.GetFullPath(directory); current is not null && !Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing.Push(current);
        }

        while (missing.TryPop(out string? folder))
        {
            Directory.CreateDirectory(folder, DirectoryMode);
        }
    }

    /// <summary>
    /// Creates an empty file at <paramref name="path"/>, failing when anything exists there; 0600 on Unix from the start.
    /// </summary>
    /// <exception cref="IOException">The file already exists, or cannot be created.</exception>
    internal static void CreateEmptyFile(string path)
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using var stream = new FileStream(path, options);
    }

    /// <summary>Owner-only permission bits: what a vault file keeps of its mode.</summary>
    private const UnixFileMode OwnerBits = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// VaultLocationUnsafe when other users may write the folder of <paramref name="path"/> (the
    /// "other" write bit, sticky or not: in a sticky folder such as /tmp they still can create the
    /// vault's companion files before SQLite does). A group-writable folder is the owner's choice to
    /// share with that group, and is allowed.
    /// </summary>
    internal static void EnsurePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        UnixFileMode mode;
        try
        {
            mode = File.GetUnixFileMode(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }

        if ((mode & UnixFileMode.OtherWrite) != 0)
        {
            throw Errors.MSecureErrors.VaultLocationUnsafe(path, folder, mode);
        }
    }

    /// <summary>Removes group and other permissions from the vault file and each companion file that exists now (owner bits stay).</summary>
    internal static void RestrictVaultFiles(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Restrict(path);
        foreach (string suffix in CompanionSuffixes)
        {
            Restrict(path + suffix);
        }
    }

    /// <summary>Deletes the vault file and its companions, ignoring files that do not exist.</summary>
    internal static void DeleteVaultFiles(string path)
    {
        foreach (string suffix in CompanionSuffixes)
        {
            File.Delete(path + suffix);
        }

        File.Delete(path);
    }

    private static void Restrict(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            if (File.Exists(file) && File.GetUnixFileMode(file) is var mode && (mode & ~OwnerBits) != 0)
            {
                File.SetUnixFileMode(file, mode & OwnerBits);
            }
        }
        catch (FileNotFoundException)
        {
            // A companion removed between the check and the change (the last connection closed).
        }
    }
}
