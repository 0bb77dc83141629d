using System;
using MSecure.Core.Kit.Printing;
using MSecure.Core.Tests.TestSupport;
using Xunit;

namespace MSecure.Core.Tests.Kit.Printing;

/// <summary>The PNG, read back by a real QR decoder (Debian's zbarimg).</summary>
public class KitQrPngDecodeTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 1, 31, 9, 30, 0, TimeSpan.Zero);

    [RequiresToolsTheory(ExternalTools.Zbarimg)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(KitQrCode.DefaultPixelsPerModule)]
    public void Zbarimg_reads_the_exact_kit_text(int pixelsPerModule)
    {
        string kit = FakeKit.Typical();
        var sheet = new EmergencyKitSheet(kit, "ada@example.org", TestValues.AccountId, CreatedAt);
        using var directory = new TempDirectory();

        string decoded = QrReader.DecodeSingle(KitRenderer.RenderPng(sheet, pixelsPerModule), directory);

        Assert.Equal(kit, decoded);
    }

    [RequiresToolsFact(ExternalTools.Zbarimg)]
    public void Zbarimg_reads_every_QR_alphanumeric_character()
    {
        using var directory = new TempDirectory();

        string decoded = QrReader.DecodeSingle(KitQrCode.Create(FakeKit.AllAlphanumeric).ToPng(), directory);

        Assert.Equal(FakeKit.AllAlphanumeric, decoded);
    }

    [RequiresToolsFact(ExternalTools.Zbarimg)]
    public void Zbarimg_reads_the_longest_kit()
    {
        // A kit with a 254-byte email is about 750 characters.
        string kit = FakeKit.Text(groups: 125, seed: 7);
        using var directory = new TempDirectory();

        string decoded = QrReader.DecodeSingle(KitQrCode.Create(kit).ToPng(), directory);

        Assert.Equal(753, kit.Length);
        Assert.Equal(kit, decoded);
    }

    [RequiresToolsFact(ExternalTools.Zbarimg)]
    public void The_temp_directory_is_gone_afterwards()
    {
        string path;
        using (var directory = new TempDirectory())
        {
            path = directory.Path;
            Assert.Equal(FakeKit.Typical(), QrReader.DecodeSingle(KitQrCode.Create(FakeKit.Typical()).ToPng(), directory));
        }

        Assert.False(System.IO.Directory.Exists(path));
    }
}
