using System;
using System.IO;
using System.Linq;
using System.Threading;
using MSecure.Core.Transfer;
using Xunit;

namespace MSecure.Core.Tests.Transfer;

/// <summary>Auto sniffing finds the mSecure and Bitwarden fixtures' formats; readers stop when cancelled.</summary>
public sealed class MbFormatDetectionTests
{
    [Theory]
    [InlineData("msecure6.csv", ImportFormat.MSecureCsv)]
    [InlineData("msecure-legacy.csv", ImportFormat.MSecureCsv)]
    [InlineData("bitwarden.json", ImportFormat.BitwardenJson)]
    [InlineData("bitwarden.csv", ImportFormat.BitwardenCsv)]
    public void Auto_detects_the_format(string fixture, ImportFormat expected)
    {
        using FileStream stream = File.OpenRead(TransferFixtures.PathOf(fixture));
        Assert.Equal(expected, ImportFormatDetector.Detect(stream));
        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData(ImportFormat.MSecureCsv, "msecure6.csv")]
    [InlineData(ImportFormat.BitwardenJson, "bitwarden.json")]
    [InlineData(ImportFormat.BitwardenCsv, "bitwarden.csv")]
    public void Reading_stops_when_cancelled(ImportFormat format, string fixture)
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        using FileStream stream = File.OpenRead(TransferFixtures.PathOf(fixture));
        Assert.ThrowsAny<OperationCanceledException>(() => ImportFormats.Of(format).Read(stream, cancel.Token).ToList());
    }

    [Theory]
    [InlineData(ImportFormat.MSecureCsv, "msecure6.csv")]
    [InlineData(ImportFormat.BitwardenJson, "bitwarden.json")]
    [InlineData(ImportFormat.BitwardenCsv, "bitwarden.csv")]
    public void Reading_leaves_the_input_file_unchanged_and_shareable(ImportFormat format, string fixture)
    {
        string path = TransferFixtures.PathOf(fixture);
        byte[] before = File.ReadAllBytes(path);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            _ = ImportFormats.Of(format).Read(stream, CancellationToken.None).ToList();
            using var other = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            Assert.True(other.CanRead);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }
}
