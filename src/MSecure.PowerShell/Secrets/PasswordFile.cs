using System;
using System.IO;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace MSecure.PowerShell.Secrets;

/// <summary>
/// Reads a password from a file: UTF-8 (a byte order mark is skipped), one trailing line break
/// (<c>\n</c> or <c>\r\n</c>) removed and nothing else trimmed, as the password is never trimmed.
/// At most <see cref="MaxBytes"/> are read (a larger file, or a device such as /dev/zero, is
/// TooLarge), without FileStream buffering, into pinned arrays that are wiped in a finally.
/// </summary>
internal static class PasswordFile
{
    /// <summary>The largest password file: 64 KiB.</summary>
    internal const int MaxBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The result of reading a password file.</summary>
    internal enum Outcome
    {
        /// <summary>The password was read.</summary>
        Read,

        /// <summary>The file holds no password.</summary>
        Empty,

        /// <summary>The file is not UTF-8 text.</summary>
        NotUtf8,

        /// <summary>The file is larger than <see cref="MaxBytes"/>.</summary>
        TooLarge,
    }

    /// <summary>Reads the password in <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    internal static Outcome Read(string path, out SecureString? password)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        return Read(stream, oneLine: false, out password);
    }

    /// <summary>
    /// Reads a password from <paramref name="stream"/>: all of it, or with <paramref name="oneLine"/>
    /// only up to and including the first line break (standard input, read a byte at a time so
    /// nothing after the line is consumed), with the same rules as a file.
    /// </summary>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    internal static Outcome Read(Stream stream, bool oneLine, out SecureString? password)
    {
        password = null;
        byte[] bytes = GC.AllocateArray<byte>(MaxBytes + 1, pinned: true);
        char[]? characters = null;
        int count = 0;
        try
        {
            int read;
            while (count < bytes.Length && (read = stream.Read(bytes, count, oneLine ? 1 : bytes.Length - count)) > 0)
            {
                count += read;
                if (oneLine && bytes[count - 1] == (byte)'\n')
                {
                    break;
                }
            }

            if (count > MaxBytes)
            {
                return Outcome.TooLarge;
            }

            ReadOnlySpan<byte> content = bytes.AsSpan(0, count);
            if (content.StartsWith(Encoding.UTF8.Preamble))
            {
                content = content[Encoding.UTF8.Preamble.Length..];
            }

            int length;
            try
            {
                characters = GC.AllocateArray<char>(StrictUtf8.GetCharCount(content), pinned: true);
                length = StrictUtf8.GetChars(content, characters);
            }
            catch (DecoderFallbackException)
            {
                return Outcome.NotUtf8;
            }

            if (length > 0 && characters[length - 1] == '\n')
            {
                length--;
                if (length > 0 && characters[length - 1] == '\r')
                {
                    length--;
                }
            }

            if (length == 0)
            {
                return Outcome.Empty;
            }

            password = SecureStrings.FromSpan(characters.AsSpan(0, length));
            return Outcome.Read;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            if (characters is not null)
            {
                Array.Clear(characters);
            }
        }
    }

    /// <summary>Whether users other than the owner may read the file (Unix permissions; always false on Windows).</summary>
    internal static bool IsReadableByOthers(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        UnixFileMode mode = File.GetUnixFileMode(path);
        return (mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0;
    }
}
