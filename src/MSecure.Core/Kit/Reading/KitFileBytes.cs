using System;
using System.IO;
using System.Security;
using MSecure.Core.Errors;

namespace MSecure.Core.Kit.Reading;

/// <summary>Reads a whole kit file, refusing it as soon as it proves larger than the limit (also for files whose size is unknown, such as pipes).</summary>
internal static class KitFileBytes
{
    internal static byte[] Read(string path, int maximumBytes)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > maximumBytes)
            {
                throw TooLarge(path, maximumBytes);
            }

            return ReadAtMost(stream, path, maximumBytes);
        }
        catch (FileNotFoundException exception)
        {
            throw MSecureErrors.KitFileUnreadable(path, "there is no such file.", exception);
        }
        catch (DirectoryNotFoundException exception)
        {
            throw MSecureErrors.KitFileUnreadable(path, "its folder does not exist.", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw MSecureErrors.KitFileUnreadable(path, Directory.Exists(path) ? "it is a folder, not a file." : "access is denied.", exception);
        }
        catch (SecurityException exception)
        {
            throw MSecureErrors.KitFileUnreadable(path, "access is denied.", exception);
        }
        catch (IOException exception)
        {
            throw MSecureErrors.KitFileUnreadable(path, "an I/O error occurred (" + exception.Message + ")", exception);
        }
    }

    private static byte[] ReadAtMost(Stream stream, string path, int maximumBytes)
    {
        using var content = new MemoryStream();
        byte[] buffer = new byte[81_920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (content.Length + read > maximumBytes)
            {
                throw TooLarge(path, maximumBytes);
            }

            content.Write(buffer, 0, read);
        }

        return content.ToArray();
    }

    private static MSecureException TooLarge(string path, int maximumBytes) =>
        MSecureErrors.KitFileUnreadable(path, FormattableString.Invariant(
            $"it is larger than {maximumBytes / (1024 * 1024)} MiB, far more than any kit page or photo of one. Crop or shrink the photo."));
}
