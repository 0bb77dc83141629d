using MSecure.Core.Sync;
using MSecure.PowerShell.Sync;
using Xunit;

namespace MSecure.PowerShell.Tests.Sync;

public sealed class SyncProgressWriterTests
{
    [Fact]
    public void Pulling_WithATotal_ShowsTheCountsAndAPercentage()
    {
        (string status, int? percent) = SyncProgressWriter.Describe(new SyncProgress(SyncStage.Pulling, Pulled: 250, Pushed: 0, Total: 1000));

        Assert.Equal("Pulling other devices' changes: pulled 250, pushed 0 (250 of 1000)", status);
        Assert.Equal(25, percent);
    }

    [Fact]
    public void Pushing_CountsWhatWasPushed_AndNeverPassesTheTotal()
    {
        (string status, int? percent) = SyncProgressWriter.Describe(new SyncProgress(SyncStage.Pushing, Pulled: 4, Pushed: 12, Total: 10));

        Assert.Equal("Pushing this device's changes: pulled 4, pushed 12 (10 of 10)", status);
        Assert.Equal(100, percent);
    }

    [Theory]
    [InlineData(SyncStage.Connecting, null, "Connecting: pulled 0, pushed 0")]
    [InlineData(SyncStage.Pulling, null, "Pulling other devices' changes: pulled 0, pushed 0")]
    [InlineData(SyncStage.Pulling, 0L, "Pulling other devices' changes: pulled 0, pushed 0")]
    [InlineData(SyncStage.Compacting, 5L, "Compacting the folder's batches: pulled 0, pushed 0")]
    public void WithoutAUsableTotal_ThereIsNoPercentage(SyncStage stage, long? total, string expected)
    {
        (string status, int? percent) = SyncProgressWriter.Describe(new SyncProgress(stage, 0, 0, total));

        Assert.Equal(expected, status);
        Assert.Null(percent);
    }
}
