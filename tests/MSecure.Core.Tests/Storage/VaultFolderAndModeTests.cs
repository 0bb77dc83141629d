using System;
using System.IO;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Storage;

/// <summary>
/// Where a vault may live and what its files' modes become (Unix): a folder other users can write is
/// refused; a vault file left readable by others is made private before SQLite creates its -wal and
/// -shm, even when the open then fails; a vault its owner made read-only stays read-only and reads.
/// </summary>
public sealed class VaultFolderAndModeTests : IDisposable
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly VaultTestDirectory _directory = new();

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_directory.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _directory.Dispose();
    }

    [Theory]
    [InlineData(UnixFileMode.OtherWrite | UnixFileMode.OtherRead | UnixFileMode.OtherExecute)]
    [InlineData(UnixFileMode.OtherWrite | UnixFileMode.OtherRead | UnixFileMode.OtherExecute | UnixFileMode.StickyBit)]
    public void AFolderOtherUsersCanWrite_IsRefused_ForANewVaultAndAnExistingOne(UnixFileMode otherBits)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        TestVaults.Create(_directory.VaultPath).Dispose();
        File.SetUnixFileMode(_directory.Path, File.GetUnixFileMode(_directory.Path) | otherBits);

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.VaultLocationUnsafe, () => VaultFile.Open(_directory.VaultPath));
        Assert.Contains(_directory.Path, error.Message, StringComparison.Ordinal);
        TestValues.AssertFails(MSecureErrorCode.VaultLocationUnsafe, () => TestVaults.Create(_directory.File("new.msecure")));
        Assert.False(File.Exists(_directory.File("new.msecure")));
    }

    [Fact]
    public void AGroupWritableFolder_IsTheOwnersChoice_AndAllowed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(_directory.Path, File.GetUnixFileMode(_directory.Path) | UnixFileMode.GroupWrite | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);

        using VaultCreation creation = TestVaults.Create(_directory.VaultPath);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_directory.VaultPath));
    }

    [Fact]
    public void AVaultReadableByOthers_IsMadePrivateBeforeSqliteCreatesItsCompanions_EvenWhenTheOpenFails()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        TestVaults.Create(_directory.VaultPath).Dispose();
        TestVaults.Execute(_directory.VaultPath, "PRAGMA user_version = 99;");
        File.SetUnixFileMode(_directory.VaultPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        // Another process keeps the vault open, so the -wal and -shm this open creates stay behind.
        using Microsoft.Data.Sqlite.SqliteConnection other = TestVaults.OpenRaw(_directory.VaultPath);
        TestVaults.Scalar(_directory.VaultPath, "SELECT count(*) FROM meta;");
        TestValues.AssertFails(MSecureErrorCode.VaultSchemaTooNew, () => VaultFile.Open(_directory.VaultPath));

        foreach (string file in new[] { "", "-wal", "-shm" }.Select(suffix => _directory.VaultPath + suffix).Where(File.Exists))
        {
            Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(file) & GroupOrOther);
        }
    }

    [Fact]
    public void AVaultItsOwnerMadeReadOnly_StaysReadOnly_ReadsAndRefusesWrites()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using (VaultCreation creation = TestVaults.Create(_directory.VaultPath))
        {
            creation.Session.Add(TestVaults.Login("kept"));
        }

        File.SetUnixFileMode(_directory.VaultPath, UnixFileMode.UserRead);
        using VaultSession session = TestVaults.Unlock(_directory.VaultPath);

        Assert.Equal("kept", session.FindByName("kept")!.Name);
        if (!Environment.IsPrivilegedProcess)
        {
            // (root writes whatever the mode says.)
            MSecureException error = TestValues.AssertFails(MSecureErrorCode.VaultStorageFailed, () => session.Add(TestVaults.Login("new")));
            Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(_directory.VaultPath));
    }
}
