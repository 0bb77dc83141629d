using System;
using System.Globalization;

namespace MSecure.Core.Kit.Reading;

/// <summary>How kit text is recognised inside other text, before it is parsed.</summary>
internal static class KitTextCandidate
{
    /// <summary>Whether <paramref name="text"/> (trimmed) starts with <c>MSK</c>, in any case.</summary>
    internal static bool StartsLikeKit(ReadOnlySpan<char> text) =>
        text.TrimStart().StartsWith(KitText.Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="text"/> has only characters kit text is written with: letters,
    /// digits, dashes and white space. A mistyped kit passes (its parser names the bad character).
    /// </summary>
    internal static bool HasOnlyKitCharacters(ReadOnlySpan<char> text)
    {
        foreach (char character in text)
        {
            if (!char.IsAsciiLetterOrDigit(character) && !char.IsWhiteSpace(character)
                && char.GetUnicodeCategory(character) != UnicodeCategory.DashPunctuation)
            {
                return false;
            }
        }

        return true;
    }
}
