using System;
using System.IO;
using MSecure.Core.Cryptography;
using MSecure.Core.Sync.Folder;
using MSecure.Core.Tests.TestSupport;
using Xunit;

namespace MSecure.Core.Tests.Sync.Folder;

public sealed class FolderPermissionTests : FolderTestBase
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = PrivateFile | UnixFileMode.UserExecute;


    [Fact]
    public void Files_are_0600_and_the_device_folder_0700_on_Unix_whatever_the_umask()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var device = new FolderDevice(SharedFolder.Path, AccountKey, TestValues.AccountId);
        device.Folder.EnsureAccount(rotatedSinceLastSync: false);
        device.Folder.WriteBatch(FolderDevice.RandomChanges(1));
        device.Folder.Compact(FolderDevice.RandomChanges(1), FolderState.Empty);
        string deviceFolder = Path.Combine(SharedFolder.Path, device.VaultId.ToString());

        Assert.Equal(PrivateFolder, File.GetUnixFileMode(deviceFolder));
        Assert.Equal(PrivateFile, File.GetUnixFileMode(Path.Combine(deviceFolder, "0000000001.msync")));
        Assert.Equal(PrivateFile, File.GetUnixFileMode(Path.Combine(deviceFolder, "compact-0000000001.msync")));
        Assert.Equal(PrivateFile, File.GetUnixFileMode(SharedFolder.File("msecure-sync.json")));
    }
}
