using System;
using System.IO;
using System.Text;
using MSecure.Core.Errors;
using MSecure.Core.Tests.TestSupport;
using MSecure.Core.Transfer;
using Xunit;

namespace MSecure.Core.Tests.Transfer;

/// <summary>Auto detection (ImportFormatDetector over ImportFormats.All) of every format's fixture, and of files no format reads.</summary>
public sealed class ImportFormatDetectionTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("msecure6.csv", ImportFormat.MSecureCsv)]
    [InlineData("msecure-legacy.csv", ImportFormat.MSecureCsv)]
    [InlineData("bitwarden.json", ImportFormat.BitwardenJson)]
    [InlineData("bitwarden.csv", ImportFormat.BitwardenCsv)]
    [InlineData("onepassword8.csv", ImportFormat.OnePasswordCsv)]
    [InlineData("onepassword7.csv", ImportFormat.OnePasswordCsv)]
    [InlineData("keepass2.xml", ImportFormat.KeePassXml)]
    [InlineData("keepassxc.csv", ImportFormat.KeePassXcCsv)]
    public void Every_Fixture_Is_Detected_As_Its_Format(string fixture, ImportFormat expected)
    {
        Assert.Equal(expected, Detect(ImportFixtures.PathOf(fixture)));
    }

    [Fact]
    public void A_1Pux_Archive_Is_Detected_By_Its_Export_Data_Entry()
    {
        Assert.Equal(ImportFormat.OnePassword1Pux, Detect(ImportFixtures.Build1Pux(_directory.Path)));
    }

    [Fact]
    public void Each_Of_The_Pk_Formats_Recognises_Only_Its_Own_Fixture()
    {
        (string Fixture, ImportFormat Format)[] cases =
        [
            ("onepassword8.csv", ImportFormat.OnePasswordCsv), ("onepassword7.csv", ImportFormat.OnePasswordCsv),
            ("keepass2.xml", ImportFormat.KeePassXml), ("keepassxc.csv", ImportFormat.KeePassXcCsv),
            ("msecure6.csv", ImportFormat.MSecureCsv), ("bitwarden.json", ImportFormat.BitwardenJson), ("bitwarden.csv", ImportFormat.BitwardenCsv),
        ];
        ImportFormat[] pk = [ImportFormat.OnePasswordCsv, ImportFormat.OnePassword1Pux, ImportFormat.KeePassXml, ImportFormat.KeePassXcCsv];
        foreach ((string fixture, ImportFormat format) in cases)
        {
            ImportSniff sniff = TransferFixtures.Sniff(fixture);
            foreach (ImportFormat candidate in pk)
            {
                Assert.True(ImportFormats.Of(candidate).Recognizes(sniff) == (candidate == format), $"{candidate} on {fixture}");
            }
        }
    }

    [Theory]
    [InlineData("just some text\nwith lines\n")]
    [InlineData("{\"hello\": \"world\"}")]
    [InlineData("<html><body>KeePassFile</body></html>")]
    [InlineData("Name,Address,Phone\nAnna,Main St,555\n")]
    [InlineData("")]
    public void Junk_Is_ImportFormatUnknown(string content)
    {
        string path = Path.Combine(_directory.Path, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content, new UTF8Encoding(false));

        var error = Assert.Throws<MSecureException>(() => Detect(path));

        Assert.Equal(MSecureErrorCode.ImportFormatUnknown, error.Code);
    }

    [Fact]
    public void A_Zip_Without_Export_Data_Is_ImportFormatUnknown()
    {
        string path = Path.Combine(_directory.Path, "other.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            archive.CreateEntry("readme.txt");
        }

        Assert.Equal(MSecureErrorCode.ImportFormatUnknown, Assert.Throws<MSecureException>(() => Detect(path)).Code);
    }

    private static ImportFormat Detect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ImportFormatDetector.Detect(stream);
    }
}
