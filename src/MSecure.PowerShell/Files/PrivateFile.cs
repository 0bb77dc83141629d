using System;
using System.IO;

namespace MSecure.PowerShell.Files;

/// <summary>Files only their owner may read (0600 on Unix from the moment they exist), written whole or not at all.</summary>
internal static class PrivateFile
{
    /// <summary>Creates <paramref name="path"/> exclusively (it must not exist), owner-only on Unix from the moment it exists.</summary>
    /// <exception cref="IOException">The file exists, or the folder is missing.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    internal static FileStream OpenNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    /// <summary>
    /// Writes <paramref name="content"/> like <see cref="WriteStreamAtomically{T}"/>: readers see the
    /// old file or the new one, never a part.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written or renamed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    internal static void WriteAtomically(string path, ReadOnlySpan<byte> content, bool overwrite, Action? beforeReplace = null)
    {
        // A span cannot be captured by the lambda: copy it (these contents are small: kits, settings).
        byte[] bytes = content.ToArray();
        WriteStreamAtomically(path, stream => stream.Write(bytes), overwrite, beforeReplace);
    }

    /// <summary>
    /// Streams a file: <paramref name="write"/> fills a new owner-only temporary file beside
    /// <paramref name="path"/> (never readable by others, not even for an instant), which is then
    /// flushed to disk and renamed over <paramref name="path"/> (an existing file only with
    /// <paramref name="overwrite"/>); readers see no part of it. <paramref name="beforeReplace"/> runs
    /// just before the rename (to check the target once more). Memory stays what
    /// <paramref name="write"/> uses. The temporary file is removed on any failure.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written or renamed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    internal static void WriteStreamAtomically(string path, Action<Stream> write, bool overwrite, Action? beforeReplace = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteStreamAtomically(path, stream =>
        {
            write(stream);
            return 0;
        }, overwrite, beforeReplace);
    }

    /// <summary>As <see cref="WriteStreamAtomically(string, Action{Stream}, bool, Action?)"/>, returning what <paramref name="write"/> returns.</summary>
    /// <exception cref="IOException">The file cannot be written or renamed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    internal static T WriteStreamAtomically<T>(string path, Func<Stream, T> write, bool overwrite, Action? beforeReplace = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        string directory = Path.GetDirectoryName(path) ?? ".";
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            T result;
            using (FileStream stream = OpenNew(temporary))
            {
                result = write(stream);
                stream.Flush(flushToDisk: true);
            }

            beforeReplace?.Invoke();
            File.Move(temporary, path, overwrite);
            return result;
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is owner-only and holds only what the file it was to replace holds.
        }
    }
}
