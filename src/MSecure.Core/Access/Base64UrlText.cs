using System;

namespace MSecure.Core.Access;

/// <summary>
/// base64url without padding (RFC 4648 section 5) over spans, so secrets never become strings:
/// the runtime's base64 into a caller's buffer, with the two characters swapped in place.
/// </summary>
internal static class Base64UrlText
{
    /// <summary>The length of <paramref name="byteCount"/> bytes encoded.</summary>
    internal static int EncodedLength(int byteCount) => (byteCount * 4 + 2) / 3;

    /// <summary>Writes <paramref name="bytes"/> encoded into <paramref name="destination"/> (exactly <see cref="EncodedLength"/> characters).</summary>
    internal static void Encode(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        Span<char> padded = stackalloc char[(bytes.Length + 2) / 3 * 4];
        try
        {
            if (!Convert.TryToBase64Chars(bytes, padded, out int written))
            {
                throw new ArgumentException("The destination is too small.", nameof(destination));
            }

            int length = EncodedLength(bytes.Length);
            for (int i = 0; i < length; i++)
            {
                destination[i] = padded[i] switch { '+' => '-', '/' => '_', char c => c };
            }

            _ = written;
        }
        finally
        {
            padded.Clear();
        }
    }

    /// <summary>Decodes <paramref name="text"/> into <paramref name="destination"/>; false when it is not exactly that many bytes of base64url.</summary>
    internal static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.Length > 4096 || text.Length % 4 == 1)
        {
            return false;
        }

        Span<char> padded = stackalloc char[(text.Length + 3) / 4 * 4];
        try
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
                {
                    return false;
                }

                padded[i] = c switch { '-' => '+', '_' => '/', _ => c };
            }

            padded[text.Length..].Fill('=');
            return Convert.TryFromBase64Chars(padded, destination, out written);
        }
        finally
        {
            padded.Clear();
        }
    }
}
