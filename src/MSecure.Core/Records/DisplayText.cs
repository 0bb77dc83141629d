using System;
using System.Globalization;
using System.Text;

namespace MSecure.Core.Records;

/// <summary>
/// The characters that must never reach a terminal raw, and the one way MSecure shows text that
/// may hold them. Unsafe are: the C0 and C1 controls (Unicode category Cc, which includes NUL,
/// ESC and DEL), the bidirectional formatting characters (U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators U+2028 and U+2029. They can
/// move the cursor, recolour or clear the screen (ANSI escape sequences), hide text, or make
/// text read in another order than it is stored (a right-to-left override turning "exe.txt" into
/// "txt.exe"). Record names, field labels and tags refuse them; values and notes may hold them
/// (a password is arbitrary, notes have line breaks), so every view, ToString and error message
/// that shows user text passes it through <see cref="Neutralize"/>.
/// </summary>
public static class DisplayText
{
    /// <summary>Whether <paramref name="c"/> is unsafe to show raw (see the class remarks).</summary>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    /// <summary>The index of the first unsafe character of <paramref name="text"/>, or -1.</summary>
    public static int IndexOfUnsafe(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// <paramref name="text"/> with each unsafe character replaced by a visible escape:
    /// <c>\xNN</c> for a character up to U+00FF (so ESC shows as <c>\x1B</c>), <c>\uNNNN</c>
    /// otherwise (a right-to-left override shows as <c>\u202E</c>). Text without unsafe
    /// characters is returned as it is; null gives null.
    /// </summary>
    public static string? Neutralize(string? text)
    {
        if (text is null || IndexOfUnsafe(text) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (!IsUnsafe(c))
            {
                builder.Append(c);
            }
            else if (c <= '\u00FF')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Why <paramref name="text"/> may not be shown raw, for an error message that must not quote
    /// it: "character 4 is U+001B, a control character"; null when it is safe.
    /// </summary>
    public static string? DescribeUnsafe(ReadOnlySpan<char> text)
    {
        int index = IndexOfUnsafe(text);
        if (index < 0)
        {
            return null;
        }

        char c = text[index];
        string kind = char.IsControl(c) ? "a control character"
            : c is '\u2028' or '\u2029' ? "a line or paragraph separator"
            : "a bidirectional formatting character";
        return string.Format(CultureInfo.InvariantCulture, "character {0} is U+{1:X4}, {2}", index + 1, (int)c, kind);
    }
}
