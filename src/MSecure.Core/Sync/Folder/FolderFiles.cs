using System;
using System.IO;
using System.Security.Cryptography;
using MSecure.Core.Storage;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// Writing and reading whole files in the sync folder. A file is written to a hidden temporary
/// name ("." + name + "." + random + ".tmp", created new, 0600 on Unix), flushed to the disk, then
/// renamed to its final name without ever replacing an existing file (<see cref="NoReplaceRename"/>): a reader (or another device's
/// sync tool) sees a complete file or none. Reads share the file with writers and deleters.
/// </summary>
internal static class FolderFiles
{
    /// <summary>The extension of temporary files.</summary>
    internal const string TemporaryExtension = ".tmp";

    /// <summary>
    /// Writes <paramref name="content"/> as <paramref name="directory"/>/<paramref name="name"/>.
    /// False, writing nothing, when that file exists already.
    /// </summary>
    internal static bool TryCreate(string directory, string name, ReadOnlySpan<byte> content)
    {
        string final = Path.Combine(directory, name);
        if (File.Exists(final))
        {
            return false;
        }

        string temporary = Path.Combine(directory, "." + name + "." + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + TemporaryExtension);
        try
        {
            WriteNew(temporary, content);
            return NoReplaceRename.TryRename(temporary, final);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="content"/> as <paramref name="path"/>, replacing it atomically when it exists (temporary file, then rename).</summary>
    internal static void Replace(string path, ReadOnlySpan<byte> content)
    {
        string temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + TemporaryExtension);
        try
        {
            WriteNew(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Reads a whole file; null when it does not exist (any more) or is larger than
    /// <paramref name="maximumLength"/> bytes (then <paramref name="tooLarge"/> is set).
    /// </summary>
    internal static byte[]? TryRead(string path, long maximumLength, out bool tooLarge)
    {
        tooLarge = false;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
            long length = stream.Length;
            if (length > maximumLength)
            {
                tooLarge = true;
                return null;
            }

            byte[] content = new byte[length];
            stream.ReadExactly(content);
            return content;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>Reads up to the first <paramref name="length"/> bytes of a file; null when it does not exist (any more).</summary>
    internal static byte[]? TryReadStart(string path, int length)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            byte[] start = new byte[(int)Math.Min(length, stream.Length)];
            stream.ReadExactly(start);
            return start;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>Deletes a file, best effort (another device or a sync tool may hold or have removed it). True when it is gone.</summary>
    internal static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void WriteNew(string path, ReadOnlySpan<byte> content)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            PreallocationSize = content.Length,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = VaultFilePermissions.FileMode;
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}
