using System;
using System.Globalization;
using System.IO;
using System.Linq;
using MSecure.Core.Sync;
using MSecure.Sync.Tests.Support;
using Xunit;

namespace MSecure.Sync.Tests;

/// <summary>
/// Bad files in the shared folder: device 1 has synced x and y; device 0 then edited x, added z and
/// synced, writing one new batch file. Each test damages or adds a file, then device 1 syncs: the
/// bad file is named in a warning and never applied, device 1's records are unchanged (row for row
/// when nothing genuine was new), and once the damage is undone the genuine changes arrive.
/// </summary>
public sealed class FolderTamperTests : IDisposable
{
    private readonly SyncAccount _account = new(new FolderTransport(), devices: 2);
    private readonly Guid _x;

    public FolderTamperTests()
    {
        _x = _account.Add(0, "x", "x1").Id;
        _account.Add(0, "y", "y1");
        _account.Sync(0);
        Assert.Equal(2, _account.Sync(1).Pulled);
    }

    public void Dispose() => _account.Dispose();

    [Fact]
    public void Partial_file_is_a_warning_and_applies_once_complete()
    {
        string batch = WriteNewBatch();
        byte[] complete = File.ReadAllBytes(batch);
        File.WriteAllBytes(batch, complete[..(complete.Length / 2)]);

        AssertIgnored(batch);

        File.WriteAllBytes(batch, complete);
        AssertGenuineChangesArrive();
    }

    [Fact]
    public void Tampered_file_is_a_warning_and_never_applied()
    {
        string batch = WriteNewBatch();
        byte[] genuine = File.ReadAllBytes(batch);
        byte[] tampered = (byte[])genuine.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        File.WriteAllBytes(batch, tampered);

        AssertIgnored(batch);

        File.WriteAllBytes(batch, genuine);
        AssertGenuineChangesArrive();
    }

    [Fact]
    public void File_renamed_to_another_number_is_a_warning_and_never_applied()
    {
        string batch = WriteNewBatch();
        string renamed = BatchPath(DeviceFolder(0), Number(batch) + 1);
        File.Move(batch, renamed);

        AssertIgnored(renamed);

        File.Move(renamed, batch);
        AssertGenuineChangesArrive();
    }

    [Fact]
    public void Another_accounts_files_are_warnings_and_never_applied()
    {
        using var other = new SyncAccount(new FolderTransport(), devices: 1);
        other.Add(0, "x", "not yours");
        other.Sync(0);
        Guid otherDevice = other[0].Info.VaultId;
        string otherBatch = Directory.GetFiles(Path.Combine(other.SharedFolder, otherDevice.ToString("D")), "*.msync").Single();

        // Under its own device folder, and disguised as device 0's next batch.
        string asItself = Path.Combine(Directory.CreateDirectory(Path.Combine(_account.SharedFolder, otherDevice.ToString("D"))).FullName, Path.GetFileName(otherBatch));
        File.Copy(otherBatch, asItself);
        string asDevice0 = BatchPath(DeviceFolder(0), LastNumber(DeviceFolder(0)) + 1);
        File.Copy(otherBatch, asDevice0);

        AssertIgnored(asItself, asDevice0);
    }

    [Fact]
    public void Conflicted_copy_of_a_batch_is_a_warning_and_the_batch_applies_once()
    {
        string batch = WriteNewBatch();
        string copy = Path.Combine(Path.GetDirectoryName(batch)!, Path.GetFileNameWithoutExtension(batch) + " (conflicted copy).msync");
        File.Copy(batch, copy);

        SyncResult result = _account.Sync(1);
        Assert.Equal(copy, Assert.Single(result.Warnings).File);
        Assert.Equal(2, result.Pulled);
        TwoDeviceScenario.AssertSame(_account);

        SyncResult again = _account.Sync(1);
        Assert.Equal(0, again.Pulled);
        Assert.Equal(copy, Assert.Single(again.Warnings).File);
        TwoDeviceScenario.AssertSame(_account);
    }

    /// <summary>Device 0 edits x, adds z and syncs; the path of the batch file that wrote.</summary>
    private string WriteNewBatch()
    {
        long before = LastNumber(DeviceFolder(0));
        _account.Edit(0, _x, "x2");
        _account.Add(0, "z", "z1");
        Assert.Equal(2, _account.Sync(0).Pushed);
        string batch = BatchPath(DeviceFolder(0), LastNumber(DeviceFolder(0)));
        Assert.True(Number(batch) > before, "device 0's sync wrote no new batch file");
        return batch;
    }

    /// <summary>
    /// Device 1 syncs, twice: one warning per bad file, each naming it; no record, revision or row of
    /// device 1 changes (but the sync state, sealed afresh by every folder sync). That the bad file was
    /// not marked processed shows when the undone damage applies (<see cref="AssertGenuineChangesArrive"/>).
    /// </summary>
    private void AssertIgnored(params string[] badFiles)
    {
        string before = VaultContents.Raw(_account.PathOf(1), withoutSyncState: true);
        var records = VaultContents.Records(_account[1], _account.PathOf(1));
        for (int attempt = 0; attempt < 2; attempt++)
        {
            SyncResult result = _account.Sync(1);
            Assert.Equal(0, result.Pulled);
            Assert.Equal(badFiles.Order(StringComparer.Ordinal), result.Warnings.Select(warning => warning.File).Order(StringComparer.Ordinal));
            Assert.All(result.Warnings, warning => Assert.False(string.IsNullOrWhiteSpace(warning.Reason)));
            Assert.Equal(records, VaultContents.Records(_account[1], _account.PathOf(1)));
            Assert.Equal(before, VaultContents.Raw(_account.PathOf(1), withoutSyncState: true));
        }

        Assert.Empty(_account[1].CheckIntegrity());
    }

    private void AssertGenuineChangesArrive()
    {
        SyncResult result = _account.Sync(1);
        Assert.Empty(result.Warnings);
        Assert.Equal(2, result.Pulled);
        TwoDeviceScenario.AssertSame(_account);
    }

    private string DeviceFolder(int device) => Path.Combine(_account.SharedFolder, _account[device].Info.VaultId.ToString("D"));

    private static string BatchPath(string folder, long number) =>
        Path.Combine(folder, number.ToString("D10", CultureInfo.InvariantCulture) + ".msync");

    private static long Number(string batch) => long.Parse(Path.GetFileNameWithoutExtension(batch), CultureInfo.InvariantCulture);

    private static long LastNumber(string folder) =>
        Directory.GetFiles(folder, "*.msync").Select(Path.GetFileNameWithoutExtension)
            .Where(name => name!.Length == 10 && name.All(char.IsAsciiDigit)).Select(name => long.Parse(name!, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
}
