using System;
using System.IO;
using System.Runtime.InteropServices;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// Gives a complete file its final name only if that name is free, atomically: on Unix with
/// link(2) (fails with EEXIST when the name exists) then removing the temporary name; on Windows
/// with File.Move without overwrite (MoveFileEx without REPLACE_EXISTING). .NET's File.Move
/// without overwrite on Unix checks and then renames, so two writers racing for one name could
/// both "succeed" and one file would replace the other. On a Unix file system without hard links
/// (some network or FUSE mounts) it falls back to that check-then-rename.
/// </summary>
internal static partial class NoReplaceRename
{
    private const int AlreadyExists = 17; // EEXIST on Linux and macOS.

    /// <summary>Renames <paramref name="source"/> to <paramref name="destination"/>; false, changing nothing, when the destination exists.</summary>
    internal static bool TryRename(string source, string destination)
    {
        if (!OperatingSystem.IsWindows())
        {
            if (link(source, destination) == 0)
            {
                File.Delete(source);
                return true;
            }

            if (Marshal.GetLastPInvokeError() == AlreadyExists)
            {
                return false;
            }
        }

        try
        {
            File.Move(source, destination, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(destination))
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int link(string oldPath, string newPath);
}
