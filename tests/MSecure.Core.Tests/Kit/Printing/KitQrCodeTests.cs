using System;
using System.Buffers.Binary;
using System.Text;
using System.Xml.Linq;
using MSecure.Core.Kit.Printing;
using Xunit;

namespace MSecure.Core.Tests.Kit.Printing;

public class KitQrCodeTests
{
    [Fact]
    public void Uses_alphanumeric_mode_and_the_smallest_version()
    {
        // At level M, version 10 holds 311 alphanumeric characters but only 213 bytes, and
        // version 9 holds 262 alphanumeric characters: 291 characters fit version 10 only in
        // alphanumeric mode.
        KitQrCode code = KitQrCode.Create(FakeKit.Typical());

        Assert.Equal(291, FakeKit.Typical().Length);
        Assert.Equal(10, code.Version);
        Assert.Equal(57, code.Size);
    }

    [Fact]
    public void Modules_are_QRCoders_without_the_quiet_zone()
    {
        string kit = FakeKit.Typical();
        KitQrCode code = KitQrCode.Create(kit);
        bool[,] reference = QrMatrix.Reference(kit);

        Assert.Equal(code.Size + (2 * QrMatrix.QuietZone), reference.GetLength(0));
        for (int row = 0; row < code.Size; row++)
        {
            for (int column = 0; column < code.Size; column++)
            {
                Assert.Equal(reference[row + QrMatrix.QuietZone, column + QrMatrix.QuietZone], code.IsDark(row, column));
            }
        }

        // The finder pattern's corner is dark, the separator next to it light.
        Assert.True(code.IsDark(0, 0));
        Assert.False(code.IsDark(7, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => code.IsDark(code.Size, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => code.IsDark(0, -1));
    }

    [Fact]
    public void Refuses_text_longer_than_a_QR_code_holds_without_echoing_it()
    {
        string tooLong = new('A', 3392); // version 40-M holds 3391 alphanumeric characters

        var error = Assert.Throws<ArgumentException>(() => KitQrCode.Create(tooLong));

        Assert.Equal("kitText", error.ParamName);
        Assert.DoesNotContain("AAAA", error.Message, StringComparison.Ordinal);
        Assert.Equal(40, KitQrCode.Create(tooLong[..3391]).Version);
    }

    [Fact]
    public void Refuses_text_that_is_not_QR_alphanumeric()
    {
        Assert.Throws<ArgumentException>(() => KitQrCode.Create("msk-abcde"));
        Assert.Throws<ArgumentNullException>(() => KitQrCode.Create(null!));
    }

    [Fact]
    public void ToString_shows_no_text()
    {
        string kit = FakeKit.Typical();
        string shown = KitQrCode.Create(kit).ToString();

        Assert.Equal("KitQrCode (version 10, 57x57 modules)", shown);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(12)]
    public void Png_is_sized_by_modules_and_quiet_zone(int pixelsPerModule)
    {
        KitQrCode code = KitQrCode.Create(FakeKit.Typical());

        byte[] png = code.ToPng(pixelsPerModule);

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        int expected = (code.Size + 8) * pixelsPerModule;
        Assert.Equal(expected, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(expected, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65)]
    public void Refuses_a_pixel_size_out_of_range(int pixelsPerModule)
    {
        KitQrCode code = KitQrCode.Create(FakeKit.Typical());
        Assert.Throws<ArgumentOutOfRangeException>(() => code.ToPng(pixelsPerModule));
        Assert.Throws<ArgumentOutOfRangeException>(() => code.ToSvg(pixelsPerModule));
    }

    [Fact]
    public void Svg_is_a_self_contained_black_on_white_document()
    {
        KitQrCode code = KitQrCode.Create(FakeKit.Typical());

        string svg = code.ToSvg(10);

        XElement root = XDocument.Parse(svg).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", root.Name);
        int side = code.Size + 8;
        Assert.Equal((side * 10).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)root.Attribute("width"));
        Assert.Equal($"0 0 {side} {side}", (string?)root.Attribute("viewBox"));
        Assert.DoesNotContain("href", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<image", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("#000000", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("#ffffff", svg, StringComparison.OrdinalIgnoreCase);
    }
}
