using System.IO;
using MSecure.PowerShell.Kits;
using Xunit;

namespace MSecure.PowerShell.Tests.Kits;

public sealed class KitFilesTests
{
    [Theory]
    [InlineData(null, null, "Text")]
    [InlineData(null, "kit.png", "Png")]
    [InlineData(null, "KIT.SVG", "Svg")]
    [InlineData(null, "kit.html", "Html")]
    [InlineData(null, "kit.htm", "Html")]
    [InlineData(null, "kit.txt", "Text")]
    [InlineData(null, "kit", "Text")]
    [InlineData("Terminal", "kit.png", "Terminal")]
    [InlineData("Png", null, "Png")]
    public void FormatFor_UsesTheFormat_ElseTheExtension_ElseText(string? format, string? path, string expected) =>
        Assert.Equal(expected, KitFiles.FormatFor(format, path));

    [Theory]
    [InlineData("png", "Png")]
    [InlineData("HTML", "Html")]
    [InlineData("terminal", "Terminal")]
    [InlineData("Svg", "Svg")]
    public void Canonical_SpellsTheFormatAsTheConstants(string given, string expected) =>
        Assert.Equal(expected, KitFiles.Canonical(given));

    [Theory]
    [InlineData("Png", true)]
    [InlineData("Svg", true)]
    [InlineData("Html", true)]
    [InlineData("Text", false)]
    [InlineData("Terminal", false)]
    public void NeedsFile_OnlyForImagesAndThePage(string format, bool expected) =>
        Assert.Equal(expected, KitFiles.NeedsFile(format));

    [Fact]
    public void DefaultPathFor_IsBesideTheVault_AndNeverAnExistingFile()
    {
        using var directory = new TempDirectory();
        string vault = Path.Combine(directory.Path, "team.msecure");

        string first = KitFiles.DefaultPathFor(vault);
        File.WriteAllText(first, "old kit");
        string second = KitFiles.DefaultPathFor(vault);

        Assert.Equal(directory.Path, Path.GetDirectoryName(first));
        Assert.Matches(@"^team-emergency-kit-\d{8}-\d{6}\.html$", Path.GetFileName(first));
        Assert.NotEqual(first, second);
        Assert.False(File.Exists(second));
        Assert.EndsWith(".html", second, System.StringComparison.Ordinal);
    }
}
