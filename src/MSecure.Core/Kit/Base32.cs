using System;

namespace MSecure.Core.Kit;

/// <summary>
/// RFC 4648 section 6 Base32 (alphabet A–Z 2–7), without padding. Decoding is strict: only
/// upper-case alphabet characters, a length a byte string can have, and zero trailing bits,
/// so every byte string has exactly one text form.
/// </summary>
internal static class Base32
{
    /// <summary>The 32 characters, in value order.</summary>
    internal const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private const int BitsPerCharacter = 5;
    private const int BitsPerByte = 8;

    /// <summary>The number of characters encoding <paramref name="byteCount"/> bytes (no padding).</summary>
    internal static int GetEncodedLength(int byteCount) => checked(((byteCount * BitsPerByte) + BitsPerCharacter - 1) / BitsPerCharacter);

    /// <summary>Whether <paramref name="character"/> is one of the 32 alphabet characters.</summary>
    internal static bool IsAlphabetCharacter(char character) => ValueOf(character) >= 0;

    /// <summary>Encodes <paramref name="bytes"/>.</summary>
    internal static string Encode(ReadOnlySpan<byte> bytes)
    {
        Span<char> text = new char[GetEncodedLength(bytes.Length)];
        int written = 0;
        int buffer = 0;
        int bufferedBits = 0;
        foreach (byte value in bytes)
        {
            buffer = (buffer << BitsPerByte) | value;
            bufferedBits += BitsPerByte;
            while (bufferedBits >= BitsPerCharacter)
            {
                bufferedBits -= BitsPerCharacter;
                text[written++] = Alphabet[(buffer >> bufferedBits) & 0x1F];
            }

            buffer &= (1 << bufferedBits) - 1;
        }

        if (bufferedBits > 0)
        {
            text[written] = Alphabet[(buffer << (BitsPerCharacter - bufferedBits)) & 0x1F];
        }

        return new string(text);
    }

    /// <summary>
    /// Decodes <paramref name="text"/>; returns null when a character is outside the alphabet,
    /// the length is impossible (1, 3 or 6 characters past a multiple of 8), or the unused
    /// trailing bits are not zero (unless <paramref name="ignoreTrailingBits"/>: TOTP secrets
    /// written by other tools may carry them, and authenticator apps ignore them).
    /// </summary>
    internal static byte[]? TryDecode(ReadOnlySpan<char> text, bool ignoreTrailingBits = false)
    {
        int bitCount = checked(text.Length * BitsPerCharacter);
        int byteCount = bitCount / BitsPerByte;
        int trailingBits = bitCount - (byteCount * BitsPerByte);
        if (trailingBits >= BitsPerCharacter)
        {
            return null;
        }

        byte[] bytes = new byte[byteCount];
        int written = 0;
        int buffer = 0;
        int bufferedBits = 0;
        foreach (char character in text)
        {
            int value = ValueOf(character);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << BitsPerCharacter) | value;
            bufferedBits += BitsPerCharacter;
            if (bufferedBits >= BitsPerByte)
            {
                bufferedBits -= BitsPerByte;
                bytes[written++] = (byte)(buffer >> bufferedBits);
                buffer &= (1 << bufferedBits) - 1;
            }
        }

        return buffer == 0 || ignoreTrailingBits ? bytes : null;
    }

    private static int ValueOf(char character) => character switch
    {
        >= 'A' and <= 'Z' => character - 'A',
        >= '2' and <= '7' => character - '2' + 26,
        _ => -1,
    };
}
