using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// The names in a sync folder, from directory listings only (no file is opened): the batch and
/// compaction files of every device folder, and a warning for each name a device folder should not
/// hold (a sync tool's conflicted copy, a renamed file). Hidden names (starting with '.') are
/// temporary files of this format or of sync tools and are passed over silently; so are the
/// user's own files beside the device folders, except names that look like a copy of the account
/// file or of a device folder.
/// </summary>
internal sealed class FolderListing
{
    private FolderListing(IReadOnlyList<FolderFileName> files, IReadOnlyList<SyncWarning> warnings)
    {
        Files = files;
        Warnings = warnings;
    }

    /// <summary>Every well-named batch and compaction file.</summary>
    internal IReadOnlyList<FolderFileName> Files { get; }

    /// <summary>Names that do not belong.</summary>
    internal IReadOnlyList<SyncWarning> Warnings { get; }

    /// <summary>Lists <paramref name="folder"/> and its device folders.</summary>
    internal static FolderListing Read(string folder)
    {
        var files = new List<FolderFileName>();
        var warnings = new List<SyncWarning>();
        foreach ((string name, bool isDirectory) in Entries(folder))
        {
            if (name.StartsWith('.') || name == FolderFileName.AccountFileName)
            {
                continue;
            }

            if (isDirectory && FolderFileName.TryParseDeviceFolder(name, out Guid author))
            {
                ListDevice(Path.Combine(folder, name), author, files, warnings);
            }
            else if (LooksLikeOurs(name))
            {
                warnings.Add(new SyncWarning(Path.Combine(folder, name), isDirectory
                    ? "the folder's name is not exactly a device's vault id (a sync tool's conflicted or renamed copy?); its files are not read."
                    : "the name is not exactly msecure-sync.json (a sync tool's conflicted or renamed copy?); it is not used."));
            }
        }

        return new FolderListing(files, warnings);
    }

    /// <summary>The well-named files of one device folder (none when it does not exist).</summary>
    internal static List<FolderFileName> ListDevice(string deviceFolder, Guid author, List<SyncWarning>? warnings)
    {
        var files = new List<FolderFileName>();
        ListDevice(deviceFolder, author, files, warnings ?? []);
        return files;
    }

    private static void ListDevice(string deviceFolder, Guid author, List<FolderFileName> files, List<SyncWarning> warnings)
    {
        foreach ((string name, bool isDirectory) in Entries(deviceFolder))
        {
            if (name.StartsWith('.'))
            {
                continue;
            }

            if (!isDirectory && FolderFileName.TryParse(author, name, out FolderFileName file))
            {
                files.Add(file);
            }
            else
            {
                warnings.Add(new SyncWarning(Path.Combine(deviceFolder, name),
                    "the name is not a sync file's (0000000001.msync or compact-0000000001.msync): a sync tool's conflicted copy or a renamed file is never applied."));
            }
        }
    }

    private static bool LooksLikeOurs(string name) =>
        name.StartsWith("msecure-sync", StringComparison.OrdinalIgnoreCase)
        || (name.Length >= 36 && Guid.TryParseExact(name[..36], "D", out _));

    private static List<(string Name, bool IsDirectory)> Entries(string directory)
    {
        try
        {
            return [.. new FileSystemEnumerable<(string, bool)>(directory, static (ref FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory))];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }
}
