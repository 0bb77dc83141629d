using System;
using System.IO;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Vault;

public sealed class VaultLifecycleTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Create_ThenOpenAndUnlock_ShowsTheSameVault()
    {
        Guid vaultId, accountId;
        using (VaultCreation creation = TestVaults.Create(_directory.VaultPath))
        {
            VaultInfo info = creation.Session.Info;
            vaultId = info.VaultId;
            accountId = info.AccountId;
            Assert.Equal(TestVaults.Email, info.Email);
            Assert.Equal("test", info.Name);
            Assert.Equal(_directory.VaultPath, info.Path);
            Assert.Equal(TestVaults.Kdf, info.KdfParameters);
            Assert.Equal(MSecure.Core.Storage.VaultSchema.CurrentVersion, info.SchemaVersion);
            Assert.Equal(0, info.RecordCount);
            Assert.Equal(accountId, creation.Kit.AccountId);
            Assert.Equal(TestVaults.Email, creation.Kit.Email);
            creation.Session.Add(TestVaults.Login("GitHub"));
        }

        using VaultFile file = VaultFile.Open(_directory.VaultPath);
        Assert.Equal(vaultId, file.Info.VaultId);
        Assert.Equal(1, file.Info.RecordCount);
        using VaultSession session = file.Unlock(TestVaults.Password);
        Assert.Equal("GitHub", session.FindByName("github")!.Name);
    }

    [Fact]
    public void Create_OverAnExistingFile_IsVaultAlreadyExists_AndLeavesTheFileAlone()
    {
        File.WriteAllText(_directory.VaultPath, "precious");

        TestValues.AssertFails(MSecureErrorCode.VaultAlreadyExists, () => TestVaults.Create(_directory.VaultPath));

        Assert.Equal("precious", File.ReadAllText(_directory.VaultPath));
    }

    [Fact]
    public void Create_WithABadEmail_LeavesNoFile()
    {
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument,
            () => VaultFile.Create(_directory.VaultPath, string.Empty, TestVaults.Password, TestVaults.Kdf));

        Assert.False(File.Exists(_directory.VaultPath));
    }

    [Fact]
    public void Create_MakesMissingFoldersAndPrivateFiles()
    {
        string path = Path.Combine(_directory.Path, "a", "b", "vault.msecure");
        using (VaultCreation creation = TestVaults.Create(path))
        {
            creation.Session.Add(TestVaults.Login("one"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path + "-wal"));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path + "-shm"));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                    File.GetUnixFileMode(Path.Combine(_directory.Path, "a", "b")));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                    File.GetUnixFileMode(Path.Combine(_directory.Path, "a")));
            }
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Open_ReopensFilePermissionsThatWereWidened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        TestVaults.Create(_directory.VaultPath).Dispose();
        File.SetUnixFileMode(_directory.VaultPath, (UnixFileMode)Convert.ToInt32("644", 8));

        using VaultFile file = VaultFile.Open(_directory.VaultPath);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_directory.VaultPath));
    }

    [Fact]
    public void Unlock_WithAWrongPassword_IsWrongPassword()
    {
        TestVaults.Create(_directory.VaultPath).Dispose();
        using VaultFile file = VaultFile.Open(_directory.VaultPath);

        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => file.Unlock(TestVaults.Password + "!"));
        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => file.Unlock(string.Empty));
    }

    [Fact]
    public void Unlock_WithAVerifierOfAnotherVault_IsVerifierMismatch()
    {
        string other = _directory.File("other.msecure");
        TestVaults.Create(_directory.VaultPath).Dispose();
        TestVaults.Create(other).Dispose();
        var verifier = (byte[])TestVaults.Scalar(other, "SELECT verifier FROM meta;")!;
        TestVaults.Execute(_directory.VaultPath, "UPDATE meta SET verifier = $v;", ("$v", verifier));

        using VaultFile file = VaultFile.Open(_directory.VaultPath);

        TestValues.AssertFails(MSecureErrorCode.VerifierMismatch, () => file.Unlock(TestVaults.Password));
    }

    [Fact]
    public void Open_AMissingFile_IsVaultNotFound()
    {
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.VaultNotFound, () => VaultFile.Open(_directory.File("missing.msecure")));

        Assert.Contains("missing.msecure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetEmergencyKit_OfAnotherSession_IsTheSameKit_AndOpensWithThePassword()
    {
        string kitText;
        using (VaultCreation creation = TestVaults.Create(_directory.VaultPath))
        {
            kitText = creation.Kit.ToText();
            Assert.Equal(kitText, creation.Session.GetEmergencyKit().ToText());
        }

        using (VaultSession session = TestVaults.Unlock(_directory.VaultPath))
        {
            Assert.Equal(kitText, session.GetEmergencyKit().ToText());
        }

        using AccountKey accountKey = EmergencyKit.Parse(kitText).Open(TestVaults.Password);
        Assert.False(accountKey.IsDisposed);
    }

    [Fact]
    public void Dispose_LocksTheSession()
    {
        VaultCreation creation = TestVaults.Create(_directory.VaultPath);
        VaultSession session = creation.Session;
        Record record = session.Add(TestVaults.Login("one"));

        creation.Dispose();

        Assert.True(session.IsLocked);
        TestValues.AssertFails(MSecureErrorCode.VaultLocked, () => session.Get(record.Id));
        TestValues.AssertFails(MSecureErrorCode.VaultLocked, () => session.Info);
        TestValues.AssertFails(MSecureErrorCode.VaultLocked, () => session.Search(new RecordQuery()));
        TestValues.AssertFails(MSecureErrorCode.VaultLocked, () => session.ChangePassword(TestVaults.Password, "a new password, long enough"));
        session.Dispose();
    }

    [Fact]
    public void TheFile_HoldsNoNameNoteOrValueInClear()
    {
        using (VaultCreation creation = TestVaults.Create(_directory.VaultPath))
        {
            RecordDraft draft = TestVaults.Login("VeryDistinctiveName", "distinctive-user", "distinctive-password");
            draft.Notes = "distinctive-note";
            draft.Tags.Add("distinctive-tag");
            creation.Session.Add(draft);
            Record record = creation.Session.FindByName("VeryDistinctiveName")!;
            RecordDraft edit = RecordDraft.From(record);
            edit.Notes = "distinctive-second-note";
            creation.Session.Update(record.Id, edit);
        }

        byte[] bytes = File.ReadAllBytes(_directory.VaultPath);
        foreach (string secret in new[] { "VeryDistinctiveName", "verydistinctivename", "distinctive-user", "distinctive-password", "distinctive-note", "distinctive-tag" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }
    }

    [Fact]
    public void Session_UsesWalAndFullSync()
    {
        using VaultCreation creation = TestVaults.Create(_directory.VaultPath);

        Assert.Equal("wal", TestVaults.Scalar(_directory.VaultPath, "PRAGMA journal_mode;"));
        Assert.Equal((long)MSecure.Core.Storage.VaultSchema.CurrentVersion, TestVaults.Scalar(_directory.VaultPath, "PRAGMA user_version;"));
        Assert.Equal(0x4D534543L, TestVaults.Scalar(_directory.VaultPath, "PRAGMA application_id;"));
    }
}
