using System;
using MSecure.Core.Errors;

namespace MSecure.Core.Kit.Reading;

/// <summary>
/// The kit text in a text file: from the first line that starts with <c>MSK</c> to the end,
/// trimmed. Lines before it (a heading a person added) are skipped; blank lines and spaces
/// inside the kit are left for the parser, which ignores them.
/// </summary>
internal static class KitPlainText
{
    /// <exception cref="MSecureException">KitNotAKit: no line starts with MSK.</exception>
    internal static string Extract(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw MSecureErrors.KitNotAKit("the file holds only white space.");
        }

        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            if (KitTextCandidate.StartsLikeKit(text.AsSpan(lineStart, lineEnd - lineStart)))
            {
                return text[lineStart..].Trim();
            }

            lineStart = lineEnd + 1;
        }

        throw MSecureErrors.KitNotAKit("no line of the text starts with MSK, as kit text does.");
    }
}
