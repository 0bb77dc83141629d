using System.Text;

namespace MSecure.Core.Kit.Printing;

/// <summary>
/// Draws a QR code with characters. A module is "inked" when a character draws it: the dark
/// ones normally, the light ones (quiet zone included) when inverted for a dark terminal.
/// </summary>
internal static class KitQrTerminal
{
    internal const char Upper = '\u2580'; // ▀
    internal const char Lower = '\u2584'; // ▄
    internal const char Full = '\u2588';  // █
    internal const char Empty = ' ';
    internal const string AsciiInked = "##";
    internal const string AsciiBlank = "  ";

    internal static string Write(KitQrCode code, TerminalQrOptions options)
    {
        int quiet = options.QuietZoneModules;
        int first = -quiet;
        int end = code.Size + quiet;
        var text = new StringBuilder();
        if (options.Style == TerminalQrStyle.Ascii)
        {
            for (int row = first; row < end; row++)
            {
                AppendLineBreak(text, row == first);
                for (int column = first; column < end; column++)
                {
                    text.Append(IsInked(code, row, column, options.Inverted) ? AsciiInked : AsciiBlank);
                }
            }
        }
        else
        {
            // Two module rows per line; with an odd count the last line's lower half is one
            // more row of quiet zone.
            for (int row = first; row < end; row += 2)
            {
                AppendLineBreak(text, row == first);
                for (int column = first; column < end; column++)
                {
                    bool top = IsInked(code, row, column, options.Inverted);
                    bool bottom = IsInked(code, row + 1, column, options.Inverted);
                    text.Append((top, bottom) switch
                    {
                        (true, true) => Full,
                        (true, false) => Upper,
                        (false, true) => Lower,
                        (false, false) => Empty,
                    });
                }
            }
        }

        return text.ToString();
    }

    private static void AppendLineBreak(StringBuilder text, bool isFirst)
    {
        if (!isFirst)
        {
            text.Append('\n');
        }
    }

    private static bool IsInked(KitQrCode code, int row, int column, bool inverted) =>
        code.IsDarkOrOutside(row, column) != inverted;
}
