using System;

namespace MSecure.Core.Kit.Printing;

/// <summary>
/// The 45 characters of the QR code's alphanumeric mode (ISO/IEC 18004, table 5):
/// <c>0-9 A-Z</c>, space and <c>$ % * + - . / :</c>. Text made of them alone is encoded in
/// that compact mode, which keeps the code small.
/// </summary>
internal static class QrAlphanumeric
{
    /// <summary>Whether <paramref name="character"/> is one of the 45.</summary>
    internal static bool IsAlphanumeric(char character) => character switch
    {
        >= '0' and <= '9' => true,
        >= 'A' and <= 'Z' => true,
        ' ' or '$' or '%' or '*' or '+' or '-' or '.' or '/' or ':' => true,
        _ => false,
    };

    /// <summary>
    /// Checks that <paramref name="text"/> is non-empty QR-alphanumeric text. The message names
    /// the position of a wrong character, never the text itself (it is kit material).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">It is empty or has another character.</exception>
    internal static void EnsureValid(string text, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(text, parameterName);
        if (text.Length == 0)
        {
            throw new ArgumentException("The kit text is empty.", parameterName);
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (!IsAlphanumeric(text[i]))
            {
                throw new ArgumentException(
                    FormattableString.Invariant($"The kit text has a character at position {i + 1} that a QR code's alphanumeric mode cannot hold (only 0-9, A-Z, space and $%*+-./: are allowed)."),
                    parameterName);
            }
        }
    }
}
