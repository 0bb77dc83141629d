using System;
using System.IO;

namespace MSecure.PowerShell.Files;

/// <summary>
/// Streams a new owner-only file (0600 on Unix from the moment it exists) into place whole or not
/// at all: written to a temporary file beside the target, flushed to disk, then renamed over it.
/// </summary>
internal static class PrivateFileWriter
{
    /// <summary>
    /// Calls <paramref name="write"/> with a stream on a new owner-only temporary file beside
    /// <paramref name="path"/>, then renames it to <paramref name="path"/> (replacing a file there
    /// only with <paramref name="overwrite"/>). A failure leaves no file behind.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written or renamed (or exists, without <paramref name="overwrite"/>).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    internal static T Write<T>(string path, bool overwrite, Func<Stream, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string directory = Path.GetDirectoryName(path) ?? ".";
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            T result;
            using (FileStream stream = PrivateFile.OpenNew(temporary))
            {
                result = write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite);
            return result;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
