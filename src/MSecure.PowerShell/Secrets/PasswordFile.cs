using System;
using System.IO;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace MSecure.PowerShell.Secrets;

/// <summary>
/// Reads a password from a file: UTF-8 (a byte order mark is skipped), one trailing line break
/// (<c>\n</c> or <c>\r\n</c>) removed and nothing else trimmed, as the password is never trimmed.
/// The bytes and characters read are wiped.
/// </summary>
internal static class PasswordFile
{
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
    }

    /// <summary>Reads the password in <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    internal static Outcome Read(string path, out SecureString? password)
    {
        password = null;
        byte[] bytes = File.ReadAllBytes(path);
        char[]? characters = null;
        try
        {
            int start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            try
            {
                characters = StrictUtf8.GetChars(bytes, start, bytes.Length - start);
            }
            catch (DecoderFallbackException)
            {
                return Outcome.NotUtf8;
            }

            int length = characters.Length;
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
