using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MSecure.Core.Errors;

namespace MSecure.Core.Kit;

/// <summary>
/// The text form of an emergency kit: <c>MSK-</c>, then Base32 of the body followed by an
/// 8-character checksum (Base32 of the first 5 bytes of SHA-256 over the body), in groups of
/// five separated by <c>-</c>. Only QR-alphanumeric characters, so the QR code uses its
/// compact alphanumeric mode. The checksum covers the body whatever its version, so a typo is
/// told apart from a kit of a newer format.
/// </summary>
internal static class KitText
{
    /// <summary>The prefix that marks a kit.</summary>
    internal const string Prefix = "MSK";

    /// <summary>The characters between separators.</summary>
    internal const int GroupLength = 5;

    /// <summary>The separator between groups.</summary>
    internal const char Separator = '-';

    /// <summary>Checksum bytes: 40 bits, so a random typo slips through with probability 2^-40.</summary>
    internal const int ChecksumLength = 5;

    /// <summary>Base32 characters of the checksum.</summary>
    internal const int ChecksumCharacters = 8;

    /// <summary>Longer input is refused before any work (a kit is at most about 750 characters).</summary>
    internal const int MaximumTextLength = 4096;

    /// <summary>Significant characters of the smallest possible kit, after the prefix.</summary>
    private static readonly int MinimumPayloadCharacters = Base32.GetEncodedLength(KitBody.MinimumLength) + ChecksumCharacters;

    /// <summary>Writes the text of <paramref name="body"/>.</summary>
    internal static string Encode(ReadOnlySpan<byte> body)
    {
        Span<byte> checksum = stackalloc byte[ChecksumLength];
        ComputeChecksum(body, checksum);
        string payload = Base32.Encode(body) + Base32.Encode(checksum);

        var text = new StringBuilder(Prefix.Length + payload.Length + (payload.Length / GroupLength) + 1);
        text.Append(Prefix);
        for (int start = 0; start < payload.Length; start += GroupLength)
        {
            text.Append(Separator).Append(payload, start, Math.Min(GroupLength, payload.Length - start));
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads the body out of kit text, tolerating lower case, separators and whitespace.
    /// </summary>
    /// <exception cref="MSecureException">KitNotAKit or KitMistyped.</exception>
    internal static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaximumTextLength)
        {
            throw MSecureErrors.KitNotAKit("it is far longer than any kit.");
        }

        string significant = Normalize(text);
        if (!significant.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw MSecureErrors.KitNotAKit("a kit starts with MSK-.");
        }

        ReadOnlySpan<char> payload = significant.AsSpan(Prefix.Length);
        if (payload.Length < MinimumPayloadCharacters / 2)
        {
            throw MSecureErrors.KitNotAKit("it is far too short.");
        }

        for (int i = 0; i < payload.Length; i++)
        {
            if (!Base32.IsAlphabetCharacter(payload[i]))
            {
                throw MSecureErrors.KitMistyped(string.Format(CultureInfo.InvariantCulture,
                    "character {0} is not one a kit uses (a kit has only letters and the digits 2 to 7).",
                    PositionInText(text, Prefix.Length + i)));
            }
        }

        // Only the checksum decides whether the text was typed right: a body that is too short
        // but correctly checksummed was written that way, and KitBody reports it as malformed.
        byte[]? body = Base32.TryDecode(payload[..^ChecksumCharacters]);
        byte[]? checksum = Base32.TryDecode(payload[^ChecksumCharacters..]);
        Span<byte> expected = stackalloc byte[ChecksumLength];
        if (body is not null && checksum is not null)
        {
            ComputeChecksum(body, expected);
            if (expected.SequenceEqual(checksum))
            {
                return body;
            }
        }

        throw MSecureErrors.KitMistyped(payload.Length < MinimumPayloadCharacters
            ? "characters are missing."
            : "characters are missing, extra or wrong (the checksum does not match).");
    }

    /// <summary>First 5 bytes of SHA-256 over the body.</summary>
    private static void ComputeChecksum(ReadOnlySpan<byte> body, Span<byte> checksum)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        hash[..ChecksumLength].CopyTo(checksum);
    }

    /// <summary>Upper case, without separators (any dash) and whitespace.</summary>
    private static string Normalize(string text)
    {
        var significant = new StringBuilder(text.Length);
        foreach (char character in text)
        {
            if (!IsIgnored(character))
            {
                significant.Append(char.ToUpperInvariant(character));
            }
        }

        return significant.ToString();
    }

    private static bool IsIgnored(char character) =>
        char.IsWhiteSpace(character) || char.GetUnicodeCategory(character) == UnicodeCategory.DashPunctuation;

    /// <summary>The 1-based position in the user's text of its <paramref name="significantIndex"/>-th significant character.</summary>
    private static int PositionInText(string text, int significantIndex)
    {
        int seen = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsIgnored(text[i]))
            {
                continue;
            }

            if (seen++ == significantIndex)
            {
                return i + 1;
            }
        }

        return text.Length;
    }
}
