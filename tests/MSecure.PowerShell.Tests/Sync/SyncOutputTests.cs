using System;
using MSecure.Core.Sync;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Sync;
using Xunit;

namespace MSecure.PowerShell.Tests.Sync;

public sealed class SyncOutputTests
{
    private static readonly Guid RecordId = Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

    [Fact]
    public void From_CarriesEveryCountIdAndName_OfAFolderSync()
    {
        var result = new SyncResult(SyncMethod.Folder, "/mnt/share/msecure", pulled: 7, pushed: 3,
            [new SyncConflict(RecordId, "SQL prod", "the edit of device A is newer")],
            [new SyncWarning("/mnt/share/msecure/x/0000000003 (conflicted copy).msync", "not a batch file name")],
            TimeSpan.FromMilliseconds(1234));

        MSecureSyncResult output = SyncOutput.From(result, "/home/alice/vaults/laptop.msecure");

        Assert.Equal("/home/alice/vaults/laptop.msecure", output.VaultPath);
        Assert.Equal("laptop", output.VaultName);
        Assert.Equal(MSecureSyncMethod.Folder, output.Method);
        Assert.Equal("/mnt/share/msecure", output.Source);
        Assert.Equal(7, output.Pulled);
        Assert.Equal(3, output.Pushed);
        MSecureSyncConflict conflict = Assert.Single(output.Conflicts);
        Assert.Equal((RecordId, "SQL prod", "the edit of device A is newer"), (conflict.RecordId, conflict.Name, conflict.Resolution));
        MSecureSyncWarning warning = Assert.Single(output.Warnings);
        Assert.Equal(("/mnt/share/msecure/x/0000000003 (conflicted copy).msync", "not a batch file name"), (warning.File, warning.Reason));
        Assert.Equal(TimeSpan.FromMilliseconds(1234), output.Duration);
        Assert.Equal("Folder: pulled 7, pushed 3, 1 conflict(s), 1 warning(s)", output.ToString());
    }

    [Fact]
    public void From_AServerSync_IsMethodServer()
    {
        var result = new SyncResult(SyncMethod.Server, "https://vault.example.com/", 0, 12, [], [], TimeSpan.Zero);

        MSecureSyncResult output = SyncOutput.From(result, "/v/default.msecure");

        Assert.Equal(MSecureSyncMethod.Server, output.Method);
        Assert.Empty(output.Conflicts);
        Assert.Empty(output.Warnings);
    }

    [Fact]
    public void Summary_NamesTheSourceAndCounts_AndNeutralisesControlCharacters()
    {
        var result = new SyncResult(SyncMethod.Folder, "/share/\u001b[31mred", 2, 1, [], [new SyncWarning("/f", "partial")], TimeSpan.FromSeconds(1.5));

        string summary = SyncOutput.Summary(result);

        Assert.Equal("Synced with the folder '/share/\\x1B[31mred' in 1.50 s: pulled 2, pushed 1, 0 conflict(s), 1 ignored file(s).", summary);
        Assert.DoesNotContain('\u001b', summary);
    }
}
