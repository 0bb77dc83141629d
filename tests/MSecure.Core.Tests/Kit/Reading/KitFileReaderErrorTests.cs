using System;
using System.IO;
using MSecure.Core.Errors;
using MSecure.Core.Kit.Printing;
using MSecure.Core.Kit.Reading;
using MSecure.Core.Tests.Kit.Printing;
using MSecure.Core.Tests.TestSupport;
using Xunit;

namespace MSecure.Core.Tests.Kit.Reading;

/// <summary>Files that hold no kit, or cannot be read, each with its own error code and a reason.</summary>
public sealed class KitFileReaderErrorTests
{
    private static MSecureException Fails(MSecureErrorCode code, byte[] content, string fileName = "kit") =>
        TestValues.AssertFails(code, () => KitFiles.Read(content, fileName));

    private static MSecureException Fails(MSecureErrorCode code, string content) =>
        TestValues.AssertFails(code, () => KitFiles.Read(content));

    [Fact]
    public void An_empty_file_is_not_a_kit()
    {
        Assert.Contains("empty", Fails(MSecureErrorCode.KitNotAKit, []).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_white_space_is_not_a_kit()
    {
        Assert.Contains("white space", Fails(MSecureErrorCode.KitNotAKit, " \r\n\t\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_not_a_kit()
    {
        byte[] random = new byte[4096];
        new Random(3).NextBytes(random);
        random[0] = 0x00; // not by chance a PNG or JPEG signature

        Assert.Contains("neither text", Fails(MSecureErrorCode.KitNotAKit, random).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_a_kit_line_is_not_a_kit()
    {
        Assert.Contains("MSK", Fails(MSecureErrorCode.KitNotAKit, "Dear Ada,\nhere is the shopping list.\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_HTML_page_without_kit_text_is_not_a_kit()
    {
        Assert.Contains("no kit text", Fails(MSecureErrorCode.KitNotAKit, "<!DOCTYPE html><html><body><p>Hello</p></body></html>").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SVG_QR_code_is_refused_with_advice()
    {
        string svg = KitRenderer.RenderSvg(RealKit.Sheet);

        Assert.Contains("SVG", Fails(MSecureErrorCode.KitNotAKit, svg).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GIF89a", "GIF")]
    [InlineData("%PDF-1.7", "PDF")]
    [InlineData("\0\0\0\u0018ftypheic", "HEIC")]
    public void Other_image_and_document_formats_are_named(string start, string named)
    {
        byte[] content = new byte[64];
        System.Text.Encoding.Latin1.GetBytes(start).CopyTo(content, 0);

        Assert.Contains(named, Fails(MSecureErrorCode.KitNotAKit, content).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PNG_without_a_QR_code_is_not_a_kit()
    {
        byte[] blank = TestImage.Plain(400, 300, grey: 230).Noisy(amplitude: 20, seed: 1).ToPng();

        Assert.Contains("no QR code", Fails(MSecureErrorCode.KitNotAKit, blank, "kit.png").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_QR_code_with_other_text_is_not_a_kit_and_its_text_is_not_shown()
    {
        byte[] other = KitQrCode.Create(FakeKit.AllAlphanumeric).ToPng();

        MSecureException error = Fails(MSecureErrorCode.KitNotAKit, other, "kit.png");

        Assert.Contains("something else", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ABCDEFGH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_QR_code_of_text_starting_with_MSK_but_with_other_characters_is_not_a_kit()
    {
        byte[] other = KitQrCode.Create("MSK $5.00 PER MONTH: HTTP://EXAMPLE.ORG").ToPng();

        Assert.Contains("something else", Fails(MSecureErrorCode.KitNotAKit, other).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.02)]
    public void A_truncated_PNG_is_unreadable(double keptFraction)
    {
        byte[] png = KitRenderer.RenderPng(RealKit.Sheet);

        MSecureException error = Fails(MSecureErrorCode.KitFileUnreadable, png[..(int)(png.Length * keptFraction)], "kit.png");

        Assert.Equal(MSecureErrorCategory.InvalidData, error.Category);
        Assert.Contains("damaged or truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_JPEG_is_unreadable_or_holds_no_readable_code()
    {
        byte[] jpeg = TestImage.Load(KitRenderer.RenderPng(RealKit.Sheet)).ToJpeg(90);

        MSecureException error = Assert.Throws<MSecureException>(() => KitFiles.Read(jpeg[..(jpeg.Length / 3)], "kit.jpg"));

        // stb decodes a cut JPEG as far as it goes (the rest grey), as browsers do: the code is then gone.
        Assert.True(error.Code is MSecureErrorCode.KitFileUnreadable or MSecureErrorCode.KitNotAKit, error.Code.ToString());
    }

    [Fact]
    public void A_PNG_that_claims_a_gigantic_size_is_refused_before_decoding()
    {
        // 8,000 × 8,000 pixels: 64 megapixels.
        Assert.Contains("megapixels", Fails(MSecureErrorCode.KitFileUnreadable, PngClaiming(8_000)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PNG_that_claims_an_impossible_size_is_refused_before_decoding()
    {
        // 60,000 × 60,000 pixels: StbImageSharp itself refuses this header.
        Assert.Contains("impossibly large", Fails(MSecureErrorCode.KitFileUnreadable, PngClaiming(60_000)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_unreadable_and_named()
    {
        using var directory = new TempDirectory();
        string path = directory.File("no-such-kit.png");

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.KitFileUnreadable, () => KitFileReader.ReadKitText(path));

        Assert.Equal(MSecureErrorCategory.ResourceUnavailable, error.Category);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_is_unreadable()
    {
        using var directory = new TempDirectory();

        TestValues.AssertFails(MSecureErrorCode.KitFileUnreadable, () => KitFileReader.ReadKitText(directory.Path));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        using var directory = new TempDirectory();
        string path = directory.File("huge.png");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.SetLength(KitFileReader.MaximumFileBytes + 1L);
        }

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.KitFileUnreadable, () => KitFileReader.ReadKitText(path));

        Assert.Contains("20 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_at_the_size_limit_is_read()
    {
        using var directory = new TempDirectory();
        string path = directory.File("kit.txt");
        string kitLine = RealKit.Text + "\n";
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            byte[] padding = new byte[KitFileReader.MaximumFileBytes - kitLine.Length];
            padding.AsSpan().Fill((byte)' ');
            stream.Write(padding);
            stream.Write(System.Text.Encoding.ASCII.GetBytes(kitLine));
        }

        RealKit.AssertIsTheKit(KitFileReader.ReadKitText(path));
    }

    /// <summary>The kit's PNG with its IHDR width and height (big-endian, bytes 16 to 23) both set to <paramref name="side"/>.</summary>
    private static byte[] PngClaiming(int side)
    {
        byte[] png = KitRenderer.RenderPng(RealKit.Sheet);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), side);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), side);
        return png;
    }

    [Fact]
    public void An_empty_path_is_an_invalid_argument()
    {
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => KitFileReader.ReadKitText(" "));
    }
}
