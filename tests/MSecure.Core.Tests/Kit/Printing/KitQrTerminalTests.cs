using System;
using System.Linq;
using MSecure.Core.Kit.Printing;
using Xunit;

namespace MSecure.Core.Tests.Kit.Printing;

/// <summary>The terminal drawing, parsed back into modules and compared with QRCoder's matrix.</summary>
public class KitQrTerminalTests
{
    private static readonly string Kit = FakeKit.Typical();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Half_blocks_draw_exactly_QRCoders_modules(bool inverted)
    {
        bool[,] reference = QrMatrix.Reference(Kit);
        int side = reference.GetLength(0);

        string text = KitQrCode.Create(Kit).ToTerminalText(new TerminalQrOptions { Inverted = inverted });
        bool[,] inked = ParseHalfBlocks(text);

        // An odd number of rows: the last line's lower half is one more row of quiet zone.
        Assert.Equal(side, inked.GetLength(1));
        Assert.Equal(side + 1, inked.GetLength(0));
        for (int row = 0; row < side; row++)
        {
            for (int column = 0; column < side; column++)
            {
                Assert.True(reference[row, column] != inverted == inked[row, column], $"module ({row}, {column})");
            }
        }

        for (int column = 0; column < side; column++)
        {
            Assert.Equal(inverted, inked[side, column]);
        }
    }

    [Fact]
    public void Inverted_swaps_every_character()
    {
        KitQrCode code = KitQrCode.Create(Kit);

        string normal = code.ToTerminalText();
        string inverted = code.ToTerminalText(new TerminalQrOptions { Inverted = true });

        string swapped = new(normal.Select(static c => c switch
        {
            '\u2580' => '\u2584',
            '\u2584' => '\u2580',
            '\u2588' => ' ',
            ' ' => '\u2588',
            _ => c,
        }).ToArray());
        Assert.Equal(swapped, inverted);
        Assert.NotEqual(normal, inverted);
    }

    [Fact]
    public void Half_blocks_use_only_the_four_characters_and_have_a_quiet_zone()
    {
        KitQrCode code = KitQrCode.Create(Kit);

        string text = code.ToTerminalText();
        string[] lines = text.Split('\n');

        Assert.All(text, c => Assert.Contains(c, " \u2580\u2584\u2588\n"));
        Assert.False(text.EndsWith('\n'));
        Assert.Equal((code.Size + 9) / 2, lines.Length);
        Assert.All(lines, line => Assert.Equal(code.Size + 8, line.Length));
        Assert.Equal(new string(' ', code.Size + 8), lines[0]);
        Assert.Equal(new string(' ', code.Size + 8), lines[1]);
        Assert.All(lines, line => Assert.StartsWith("    ", line, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.EndsWith("    ", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ascii_draws_exactly_QRCoders_modules(bool inverted)
    {
        bool[,] reference = QrMatrix.Reference(Kit);
        int side = reference.GetLength(0);

        string text = KitQrCode.Create(Kit).ToTerminalText(new TerminalQrOptions { Style = TerminalQrStyle.Ascii, Inverted = inverted });
        string[] lines = text.Split('\n');

        Assert.Equal(side, lines.Length);
        for (int row = 0; row < side; row++)
        {
            Assert.Equal(2 * side, lines[row].Length);
            for (int column = 0; column < side; column++)
            {
                string cell = lines[row].Substring(2 * column, 2);
                Assert.Equal(reference[row, column] != inverted ? "##" : "  ", cell);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void The_quiet_zone_can_be_changed(int quietZone)
    {
        KitQrCode code = KitQrCode.Create(Kit);

        string[] lines = code.ToTerminalText(new TerminalQrOptions { Style = TerminalQrStyle.Ascii, QuietZoneModules = quietZone }).Split('\n');

        Assert.Equal(code.Size + (2 * quietZone), lines.Length);
        for (int row = 0; row < lines.Length; row++)
        {
            for (int column = 0; column < lines.Length; column++)
            {
                int r = row - quietZone, c = column - quietZone;
                bool inside = r >= 0 && c >= 0 && r < code.Size && c < code.Size;
                bool dark = inside && code.IsDark(r, c);
                Assert.Equal(dark ? "##" : "  ", lines[row].Substring(2 * column, 2));
            }
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(17)]
    public void Refuses_a_quiet_zone_out_of_range(int quietZone)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TerminalQrOptions { QuietZoneModules = quietZone });
    }

    [Fact]
    public void Renderer_draws_the_sheets_code()
    {
        var sheet = new EmergencyKitSheet(Kit, "a@b", Guid.Empty, DateTimeOffset.UnixEpoch);
        Assert.Equal(KitQrCode.Create(Kit).ToTerminalText(), KitRenderer.RenderTerminal(sheet));
    }

    /// <summary>Inked modules, two rows per line: ▀ top, ▄ bottom, █ both, space neither.</summary>
    private static bool[,] ParseHalfBlocks(string text)
    {
        string[] lines = text.Split('\n');
        int width = lines[0].Length;
        var inked = new bool[2 * lines.Length, width];
        for (int line = 0; line < lines.Length; line++)
        {
            Assert.Equal(width, lines[line].Length);
            for (int column = 0; column < width; column++)
            {
                (bool top, bool bottom) = lines[line][column] switch
                {
                    '\u2588' => (true, true),
                    '\u2580' => (true, false),
                    '\u2584' => (false, true),
                    ' ' => (false, false),
                    char other => throw new InvalidOperationException($"unexpected character U+{(int)other:X4}"),
                };
                inked[2 * line, column] = top;
                inked[(2 * line) + 1, column] = bottom;
            }
        }

        return inked;
    }
}
