using System;
using System.Globalization;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// The strict names of the sync folder: the account file, one folder per device named by its vault
/// id (lower-case "D" form), and in it <c>0000000001.msync</c> batches and
/// <c>compact-0000000001.msync</c> compactions. Anything else (a sync tool's conflicted copy such as
/// "0000000003 (conflicted copy).msync", "0000000003 (1).msync" or ".sync-conflict-…") does not match.
/// </summary>
internal readonly record struct FolderFileName(Guid Author, FolderFileKind Kind, long Number)
{
    /// <summary>The account file at the top of the folder.</summary>
    internal const string AccountFileName = "msecure-sync.json";

    /// <summary>The extension of batch and compaction files.</summary>
    internal const string Extension = ".msync";

    /// <summary>The prefix of compaction files.</summary>
    internal const string CompactionPrefix = "compact-";

    /// <summary>The digits of a file number.</summary>
    internal const int NumberDigits = 10;

    /// <summary>The largest file number (ten digits).</summary>
    internal const long MaxNumber = 9_999_999_999;

    /// <summary>The file's name inside its device folder.</summary>
    internal string Name =>
        (Kind == FolderFileKind.Compaction ? CompactionPrefix : string.Empty)
        + Number.ToString("D10", CultureInfo.InvariantCulture) + Extension;

    /// <summary>The file's path relative to the sync folder ("&lt;vault id&gt;/&lt;name&gt;", '/' separated).</summary>
    internal string RelativePath => DeviceFolderName(Author) + "/" + Name;

    /// <summary>The folder name of the device with vault id <paramref name="vaultId"/>.</summary>
    internal static string DeviceFolderName(Guid vaultId) => vaultId.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Parses a device folder name: exactly a lower-case "D" form vault id.</summary>
    internal static bool TryParseDeviceFolder(string name, out Guid vaultId) =>
        Guid.TryParseExact(name, "D", out vaultId) && string.Equals(name, DeviceFolderName(vaultId), StringComparison.Ordinal);

    /// <summary>Parses a file name inside the folder of <paramref name="author"/>: exactly a batch or compaction name, number 1 or more.</summary>
    internal static bool TryParse(Guid author, string name, out FolderFileName file)
    {
        file = default;
        if (!name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> stem = name.AsSpan(0, name.Length - Extension.Length);
        FolderFileKind kind = FolderFileKind.Batch;
        if (stem.StartsWith(CompactionPrefix, StringComparison.Ordinal))
        {
            kind = FolderFileKind.Compaction;
            stem = stem[CompactionPrefix.Length..];
        }

        if (stem.Length != NumberDigits)
        {
            return false;
        }

        long number = 0;
        foreach (char digit in stem)
        {
            if (digit is < '0' or > '9')
            {
                return false;
            }

            number = (number * 10) + (digit - '0');
        }

        if (number < 1)
        {
            return false;
        }

        file = new FolderFileName(author, kind, number);
        return true;
    }
}
