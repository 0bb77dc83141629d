using System;
using System.IO;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Vault;

public sealed class PasswordAndKeyRotationTests : IDisposable
{
    private const string NewPassword = "a new password, longer";

    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _creation;
    private readonly Record _record;

    public PasswordAndKeyRotationTests()
    {
        _creation = TestVaults.Create(_directory.VaultPath);
        _record = Session.Add(TestVaults.Login("GitHub", "octocat", "pw-1"));
    }

    private VaultSession Session => _creation.Session;

    private string VaultPath => _directory.VaultPath;

    public void Dispose()
    {
        _creation.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void ChangePassword_RewrapsOnly_AndReturnsAKitForTheNewPassword()
    {
        byte[] contentBefore = RecordContent();

        EmergencyKit kit = Session.ChangePassword(TestVaults.Password, NewPassword);

        Assert.Equal(contentBefore, RecordContent());
        using (AccountKey fromNewKit = EmergencyKit.Parse(kit.ToText()).Open(NewPassword))
        using (AccountKey fromOldKit = _creation.Kit.Open(TestVaults.Password))
        {
            // The same Account Key under both passwords: the old kit still opens with the old one.
            Assert.Equal(TestValues.TextOf(fromOldKit), TestValues.TextOf(fromNewKit));
        }

        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => TestVaults.Unlock(VaultPath, TestVaults.Password));
        using VaultSession reopened = TestVaults.Unlock(VaultPath, NewPassword);
        Assert.Equal("pw-1", reopened.Get(_record.Id).GetField("Password")!.Value);
        Assert.Equal("pw-1", Session.Get(_record.Id).GetField("Password")!.Value);
    }

    [Fact]
    public void ChangePassword_CanRaiseTheKdfCost()
    {
        KdfParameters stronger = TestVaults.Kdf with { Passes = 2 };

        EmergencyKit kit = Session.ChangePassword(TestVaults.Password, NewPassword, stronger);

        Assert.Equal(stronger, kit.WrappedAccountKey.KdfParameters);
        Assert.Equal(stronger, Session.Info.KdfParameters);
        using VaultSession reopened = TestVaults.Unlock(VaultPath, NewPassword);
    }

    [Fact]
    public void ChangePassword_WithAWrongCurrentPassword_IsWrongPassword_AndChangesNothing()
    {
        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => Session.ChangePassword("wrong", NewPassword));

        using VaultSession reopened = TestVaults.Unlock(VaultPath, TestVaults.Password);
    }

    [Fact]
    public void RotateAccountKey_ReencryptsEverything_AndTheSessionKeepsWorking()
    {
        Record updated = Session.Update(_record.Id, TestVaults.Login("GitHub", "octocat", "pw-2"));
        Record removed = Session.Add(TestVaults.Login("Removed", "x", "pw-removed"));
        Session.Remove(removed.Id);
        byte[] contentBefore = RecordContent();
        byte[] nameIndexBefore = (byte[])TestVaults.Scalar(VaultPath, "SELECT name_index FROM records WHERE id = $id;", ("$id", TestVaults.IdBytes(_record.Id)))!;
        byte[] historyBefore = (byte[])TestVaults.Scalar(VaultPath, "SELECT content FROM record_history WHERE record_id = $id;", ("$id", TestVaults.IdBytes(_record.Id)))!;
        byte[] verifierBefore = (byte[])TestVaults.Scalar(VaultPath, "SELECT verifier FROM meta;")!;

        EmergencyKit kit = Session.RotateAccountKey(TestVaults.Password);

        Assert.NotEqual(contentBefore, RecordContent());
        Assert.NotEqual(nameIndexBefore, TestVaults.Scalar(VaultPath, "SELECT name_index FROM records WHERE id = $id;", ("$id", TestVaults.IdBytes(_record.Id))));
        Assert.NotEqual(historyBefore, TestVaults.Scalar(VaultPath, "SELECT content FROM record_history WHERE record_id = $id;", ("$id", TestVaults.IdBytes(_record.Id))));
        Assert.NotEqual(verifierBefore, TestVaults.Scalar(VaultPath, "SELECT verifier FROM meta;"));
        using (AccountKey newKey = kit.Open(TestVaults.Password))
        using (AccountKey oldKey = _creation.Kit.Open(TestVaults.Password))
        {
            Assert.NotEqual(TestValues.TextOf(oldKey), TestValues.TextOf(newKey));
        }

        // The session goes on with the new keys.
        Assert.Equal("pw-2", Session.Get(_record.Id).GetField("Password")!.Value);
        Assert.Equal(updated.Revision, Session.FindByName("github")!.Revision);
        Assert.Equal("pw-1", Session.GetHistory(_record.Id).Single().GetField("Password")!.Value);
        Assert.Equal("pw-removed", Session.GetHistory(removed.Id).Single().GetField("Password")!.Value);
        Assert.Single(Session.Search(new RecordQuery { NamePattern = "git*" }));
        Session.Add(TestVaults.Login("After rotation"));

        // A fresh unlock works with the same password and sees everything.
        using VaultSession reopened = TestVaults.Unlock(VaultPath, TestVaults.Password);
        Assert.Equal("pw-2", reopened.Get(_record.Id).GetField("Password")!.Value);
        Assert.Equal(2, reopened.Info.RecordCount);
    }

    [Fact]
    public void RotateAccountKey_StopsOtherSessionsFromUsingStaleKeys()
    {
        using VaultSession other = TestVaults.Unlock(VaultPath);

        Session.RotateAccountKey(TestVaults.Password);

        TestValues.AssertFails(MSecureErrorCode.VaultLocked, () => other.Get(_record.Id));
        TestValues.AssertFails(MSecureErrorCode.VaultLocked, () => other.Add(TestVaults.Login("stale")));
        Assert.Equal(1, Session.Info.RecordCount);
    }

    [Fact]
    public void RotateAccountKey_WithAWrongPassword_ChangesNothing()
    {
        byte[] contentBefore = RecordContent();

        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => Session.RotateAccountKey("wrong"));

        Assert.Equal(contentBefore, RecordContent());
        Assert.Equal("pw-1", Session.Get(_record.Id).GetField("Password")!.Value);
    }

    [Fact]
    public void RotateAccountKey_FailingMidway_ChangesNothing()
    {
        for (int i = 0; i < 1100; i++)
        {
            Session.Add(TestVaults.Login("bulk " + i));
        }

        Record last = Session.FindByName("bulk 1099")!;
        TestVaults.SetContent(VaultPath, last.Id, Flipped(TestVaults.ContentOf(VaultPath, last.Id)));
        byte[] contentBefore = RecordContent();
        byte[] wrappedBefore = (byte[])TestVaults.Scalar(VaultPath, "SELECT wrapped_account_key FROM meta;")!;

        TestValues.AssertFails(MSecureErrorCode.RecordTampered, () => Session.RotateAccountKey(TestVaults.Password));

        Assert.Equal(contentBefore, RecordContent());
        Assert.Equal(wrappedBefore, TestVaults.Scalar(VaultPath, "SELECT wrapped_account_key FROM meta;"));
        Assert.Equal("pw-1", Session.Get(_record.Id).GetField("Password")!.Value);
        using VaultSession reopened = TestVaults.Unlock(VaultPath);
        Assert.Equal("pw-1", reopened.Get(_record.Id).GetField("Password")!.Value);
    }

    private byte[] RecordContent() =>
        TestVaults.ContentOf(VaultPath, _record.Id);

    private static byte[] Flipped(byte[] bytes)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[^1] ^= 1;
        return copy;
    }
}

public sealed class ConcurrentPasswordChangeTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void AChangeByAnotherSession_IsSeenHere_AndNeverOverwritten()
    {
        using VaultCreation creation = TestVaults.Create(_directory.VaultPath);
        using VaultSession other = TestVaults.Unlock(_directory.VaultPath);
        other.ChangePassword(TestVaults.Password, "changed by the other session");

        // This session reads the wrapped key afresh: the old password no longer opens it.
        MSecureException error = Assert.Throws<MSecureException>(() => creation.Session.ChangePassword(TestVaults.Password, "mine, and long enough"));

        Assert.Equal(MSecureErrorCode.WrongPassword, error.Code);
        using VaultSession reopened = TestVaults.Unlock(_directory.VaultPath, "changed by the other session");
    }

    [Fact]
    public void TheEngineRefusesAWeakPassword_UnlessAllowed_AndChangesNothing()
    {
        TestValues.AssertFails(MSecureErrorCode.WeakPassword,
            () => VaultFile.Create(_directory.File("weak.msecure"), TestVaults.Email, "password1234", TestVaults.Kdf));
        Assert.False(File.Exists(_directory.File("weak.msecure")));
        using (VaultFile.Create(_directory.File("weak.msecure"), TestVaults.Email, "password1234", TestVaults.Kdf, allowWeakPassword: true))
        {
        }

        using VaultCreation creation = TestVaults.Create(_directory.VaultPath);
        TestValues.AssertFails(MSecureErrorCode.WeakPassword, () => creation.Session.ChangePassword(TestVaults.Password, "a"));
        using (TestVaults.Unlock(_directory.VaultPath))
        {
        }

        creation.Session.ChangePassword(TestVaults.Password, "qwertyuiop123", allowWeakPassword: true);
        using VaultSession reopened = TestVaults.Unlock(_directory.VaultPath, "qwertyuiop123");
    }
}
