using System;
using System.Security.Cryptography;

namespace MSecure.Core.Sessions;

/// <summary>
/// The text of a session token: <c>mss1.</c> + base64url(16-byte session id) + <c>.</c> +
/// base64url(32-byte secret), without padding. Encodes and decodes through stack buffers only,
/// so the secret never becomes a string.
/// </summary>
internal static class SessionTokenFormat
{
    /// <summary>The token's prefix, which names the format version.</summary>
    internal const string Prefix = "mss1.";

    /// <summary>Bytes of the session id (it names the session file).</summary>
    internal const int IdLength = 16;

    /// <summary>Bytes of the secret (the session file's key is derived from it).</summary>
    internal const int SecretLength = 32;

    /// <summary>Characters of the id in base64url.</summary>
    internal const int IdChars = 22;

    private const int SecretChars = 43;

    /// <summary>Characters of a whole token.</summary>
    internal const int Length = 5 + IdChars + 1 + SecretChars;

    /// <summary>Writes the token text to <paramref name="destination"/> (<see cref="Length"/> characters).</summary>
    internal static void Write(ReadOnlySpan<byte> sessionId, ReadOnlySpan<byte> secret, Span<char> destination)
    {
        Prefix.AsSpan().CopyTo(destination);
        Encode(sessionId, destination.Slice(Prefix.Length, IdChars));
        destination[Prefix.Length + IdChars] = '.';
        Encode(secret, destination.Slice(Prefix.Length + IdChars + 1, SecretChars));
    }

    /// <summary>The session id's base64url text: the session file's name.</summary>
    internal static string IdText(ReadOnlySpan<byte> sessionId)
    {
        Span<char> text = stackalloc char[IdChars];
        Encode(sessionId, text);
        return new string(text);
    }

    /// <summary>Whether <paramref name="name"/> is a session file name (a base64url session id).</summary>
    internal static bool IsIdText(ReadOnlySpan<char> name)
    {
        Span<byte> id = stackalloc byte[IdLength];
        return name.Length == IdChars && TryDecode(name, id);
    }

    /// <summary>Splits a token into its id and secret; false (buffers zero) for anything malformed.</summary>
    internal static bool TryParse(ReadOnlySpan<char> token, Span<byte> sessionId, Span<byte> secret)
    {
        if (token.Length != Length || !token.StartsWith(Prefix, StringComparison.Ordinal) || token[Prefix.Length + IdChars] != '.'
            || !TryDecode(token.Slice(Prefix.Length, IdChars), sessionId)
            || !TryDecode(token.Slice(Prefix.Length + IdChars + 1, SecretChars), secret))
        {
            CryptographicOperations.ZeroMemory(sessionId);
            CryptographicOperations.ZeroMemory(secret);
            return false;
        }

        return true;
    }

    private static void Encode(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        Span<char> padded = stackalloc char[48];
        try
        {
            if (!Convert.TryToBase64Chars(bytes, padded, out int written))
            {
                throw new ArgumentException("The buffer is too large for a token part.", nameof(bytes));
            }

            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = padded[i] switch { '+' => '-', '/' => '_', char c => c };
            }

            if (written - destination.Length > 2 || (written > destination.Length && padded[destination.Length] != '='))
            {
                throw new ArgumentException("The destination does not fit the encoded bytes.", nameof(destination));
            }
        }
        finally
        {
            padded.Clear();
        }
    }

    private static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        Span<char> padded = stackalloc char[48];
        Span<byte> decoded = stackalloc byte[36];
        try
        {
            int length = (text.Length + 3) / 4 * 4;
            for (int i = 0; i < length; i++)
            {
                char c = i < text.Length ? text[i] : '=';
                if (i < text.Length && !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    return false;
                }

                padded[i] = c switch { '-' => '+', '_' => '/', _ => c };
            }

            if (!Convert.TryFromBase64Chars(padded[..length], decoded, out int written) || written != destination.Length)
            {
                return false;
            }

            decoded[..written].CopyTo(destination);

            // Only the canonical text of the bytes is accepted: unused low bits must be zero.
            Span<char> canonical = stackalloc char[text.Length];
            Encode(destination, canonical);
            bool same = canonical.SequenceEqual(text);
            canonical.Clear();
            return same;
        }
        finally
        {
            padded.Clear();
            decoded.Clear();
        }
    }
}
