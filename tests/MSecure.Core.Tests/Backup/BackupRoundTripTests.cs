using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using MSecure.Core.Backup;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;
using static MSecure.Core.Tests.Backup.BackupTestSupport;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Backup;

public sealed class BackupRoundTripTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _source;

    public BackupRoundTripTests() => _source = TestVaults.Create(_directory.File("source.msecure"));

    private VaultSession Source => _source.Session;

    public void Dispose()
    {
        _source.Dispose();
        _directory.Dispose();
    }

    private VaultCreation OtherVault(string name) => VaultFile.Create(_directory.File(name), "bob@example.org", TestVaults.Password, TestVaults.Kdf);

    /// <summary>Three records, one with two earlier versions, Unicode and multi-line notes, and one removed record.</summary>
    private Record[] Populate()
    {
        RecordDraft mail = TestVaults.Login("Mail", "alice", "first-pass");
        mail.Notes = "line one\nline two — ünïcødé 🔐";
        mail.Tags.Add("personal");
        Record first = Source.Add(mail);
        mail.SetField("Password", "second-pass");
        Source.Update(first.Id, mail);
        mail.SetField("Password", "third-pass");
        Record mailNow = Source.Update(first.Id, mail);
        RecordDraft card = RecordDraft.FromTemplate("Visa", RecordTemplate.CreditCard);
        card.SetField("Custom, with | and \"quotes\"", "value, with | too", FieldKind.Secret);
        Record cardNow = Source.Add(card);
        Record gone = Source.Add(TestVaults.Login("Removed"));
        Source.Remove(gone.Id);
        return [mailNow, cardNow];
    }

    [Fact]
    public void PasswordBackup_RestoresEveryLiveRecordWithItsHistory_IntoAnotherAccountsVault()
    {
        Populate();
        byte[] backup = Export(Source, BackupSealMode.Password);

        using VaultCreation target = OtherVault("target.msecure");
        BackupRestoreResult result = Import(target.Session, backup, BackupCredentials.FromPassword(BackupPassword));

        Assert.Equal(Everything(Source), Everything(target.Session));
        Assert.Equal(2, result.Records);
        Assert.Equal(4, result.Revisions);
        Assert.Equal(2, result.Added);
        Assert.False(result.DryRun);
        Assert.Equal(Source.Info.VaultId, result.SourceVaultId);
        Assert.Empty(target.Session.Verify().Problems);
        Record restored = target.Session.FindByName("Mail")!;
        Assert.Equal(3, restored.Revision);
        Assert.Equal(["second-pass", "first-pass"], target.Session.GetHistory(restored.Id).Select(r => r.GetField("Password")!.Value));
        Assert.Null(target.Session.FindByName("Removed"));
    }

    [Fact]
    public void AccountKeyBackup_OpensWithTheEmergencyKitAndPassword_OnAnotherVault_AndWithTheVaultsOwnKey()
    {
        Populate();
        byte[] backup = Export(Source, BackupSealMode.AccountKey);

        using VaultCreation other = OtherVault("other.msecure");
        // Another account's vault cannot open it with its own key.
        TestValues.AssertFails(MSecureErrorCode.BackupKeyWrong, () => Import(other.Session, backup));
        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => BackupCredentials.FromEmergencyKit(_source.Kit, "not the password"));
        // Another account's kit opens nothing either.
        TestValues.AssertFails(MSecureErrorCode.BackupKeyWrong, () => Import(other.Session, backup, BackupCredentials.FromEmergencyKit(other.Kit, TestVaults.Password)));

        BackupRestoreResult result = Import(other.Session, backup, BackupCredentials.FromEmergencyKit(_source.Kit, TestVaults.Password));
        Assert.Equal(2, result.Added);
        Assert.Equal(Everything(Source), Everything(other.Session));

        // The same vault opens it with its own key: everything is already there.
        BackupRestoreResult again = Import(Source, backup);
        Assert.Equal(2, again.Unchanged);
        Assert.Equal(0, again.Added + again.Updated + again.Merged + again.Restored);
    }

    [Fact]
    public void WrongBackupPassword_IsBackupKeyWrong_AndChangesNothing()
    {
        Populate();
        byte[] backup = Export(Source, BackupSealMode.Password);
        using VaultCreation target = OtherVault("target.msecure");
        long before = StateRevision(target.Session);

        TestValues.AssertFails(MSecureErrorCode.BackupKeyWrong, () => Import(target.Session, backup, BackupCredentials.FromPassword("Backup passphrase: violet kettle 43!")));
        TestValues.AssertFails(MSecureErrorCode.BackupKeyWrong, () => Import(target.Session, backup, BackupCredentials.ThisVault));

        Assert.Equal(before, StateRevision(target.Session));
        Assert.Equal(0, target.Session.Info.RecordCount);
    }

    [Fact]
    public void TheFileHoldsNoSecretInClear_AndItsHeaderHasTheDocumentedLayout()
    {
        Populate();
        byte[] backup = Export(Source, BackupSealMode.Password);

        Assert.Equal("MSECBKUP"u8.ToArray(), backup[..8]);
        Assert.Equal(new byte[] { 0, 1, (byte)BackupSealMode.Password, 0 }, backup[8..12]);
        Assert.Equal(new byte[16], backup[12..28]);
        Assert.Equal(new byte[] { 0, 0, 0, 1, 0, 0, 0x4C, 0, 0, 0, 0, 1, 0, 0, 0, 1 }, backup[28..44]);
        Assert.Equal(new byte[] { 0, 1, 0, 0 }, backup[92..96]);
        foreach (string secret in new[] { "third-pass", "first-pass", "value, with | too", "Mail", "line one", BackupPassword })
        {
            Assert.Equal(-1, backup.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }

        // Two backups of the same vault share no ciphertext (fresh salts, so fresh keys).
        byte[] second = Export(Source, BackupSealMode.Password);
        Assert.NotEqual(backup[44..60], second[44..60]);
        Assert.NotEqual(backup[128..160], second[128..160]);
    }

    [Fact]
    public void DryRun_CountsWhatWouldChange_AndWritesNothing()
    {
        Populate();
        byte[] backup = Export(Source);
        using VaultCreation other = OtherVault("other.msecure");
        long before = StateRevision(other.Session);

        BackupRestoreResult result = Import(other.Session, backup, BackupCredentials.FromEmergencyKit(_source.Kit, TestVaults.Password), dryRun: true);

        Assert.True(result.DryRun);
        Assert.Equal(2, result.Added);
        Assert.Equal(before, StateRevision(other.Session));
        Assert.Equal(0, other.Session.Info.RecordCount);
    }

    [Fact]
    public void RestoringTwice_AddsNoDuplicate()
    {
        Populate();
        byte[] backup = Export(Source);
        using VaultCreation other = OtherVault("other.msecure");

        Import(other.Session, backup, BackupCredentials.FromEmergencyKit(_source.Kit, TestVaults.Password));
        string[] once = Everything(other.Session);
        BackupRestoreResult second = Import(other.Session, backup, BackupCredentials.FromEmergencyKit(_source.Kit, TestVaults.Password));

        Assert.Equal(2, second.Unchanged);
        Assert.Equal(once, Everything(other.Session));
        Assert.Equal(2, other.Session.Info.RecordCount);
    }

    [Fact]
    public void AnotherRecordWithTheSameNameUserAndUrl_IsSkipped_ANameOnlyCollisionIsRenamed()
    {
        Populate();
        byte[] backup = Export(Source);
        using VaultCreation other = OtherVault("other.msecure");
        Record ownMail = other.Session.Add(TestVaults.Login("MAIL", "alice", "own password"));
        RecordDraft visa = RecordDraft.FromTemplate("visa", RecordTemplate.Login);
        visa.SetField("Username", "someone else");
        other.Session.Add(visa);

        BackupRestoreResult result = Import(other.Session, backup, BackupCredentials.FromEmergencyKit(_source.Kit, TestVaults.Password));

        Assert.Equal(["Mail"], result.SkippedDuplicates);
        Assert.Equal(["Visa -> Visa (2)"], result.Renamed);
        Assert.Equal(1, result.Added);
        Assert.Equal("own password", other.Session.Get(ownMail.Id).GetField("Password")!.Value);
        Record renamed = other.Session.FindByName("Visa (2)")!;
        Assert.Equal("value, with | too", renamed.GetField("Custom, with | and \"quotes\"")!.Value);
        Assert.Equal("Visa", other.Session.GetHistory(renamed.Id).Single().Name);
        Assert.Empty(other.Session.Verify().Problems);
    }

    [Fact]
    public void NewerRevisions_InTheBackup_AreAppended_OlderOnesLeaveTheVaultAsItIs()
    {
        Record mail = Populate()[0];
        byte[] early = Export(Source);
        using VaultCreation other = OtherVault("other.msecure");
        Import(other.Session, early, BackupCredentials.FromEmergencyKit(_source.Kit, TestVaults.Password));

        RecordDraft draft = RecordDraft.From(Source.Get(mail.Id));
        draft.SetField("Password", "fourth-pass");
        Source.Update(mail.Id, draft);
        byte[] later = Export(Source);

        BackupRestoreResult result = Import(other.Session, later, BackupCredentials.FromEmergencyKit(_source.Kit, TestVaults.Password));
        Assert.Equal(1, result.Updated);
        Assert.Equal(1, result.Unchanged);
        Assert.Equal(Everything(Source), Everything(other.Session));

        // The older backup brings nothing back over the newer revision.
        BackupRestoreResult old = Import(other.Session, early, BackupCredentials.FromEmergencyKit(_source.Kit, TestVaults.Password));
        Assert.Equal(2, old.Unchanged);
        Assert.Equal("fourth-pass", other.Session.Get(mail.Id).GetField("Password")!.Value);
    }

    [Fact]
    public void EditsOnBothSides_AreMerged_TheLaterCurrent_TheOtherKeptInHistory()
    {
        Record mail = Populate()[0];
        byte[] common = Export(Source);
        using VaultCreation other = OtherVault("other.msecure");
        Import(other.Session, common, BackupCredentials.FromEmergencyKit(_source.Kit, TestVaults.Password));

        RecordDraft inOther = RecordDraft.From(other.Session.Get(mail.Id));
        inOther.SetField("Password", "edited in the other vault");
        other.Session.Update(mail.Id, inOther);
        Thread.Sleep(20);
        RecordDraft inSource = RecordDraft.From(Source.Get(mail.Id));
        inSource.SetField("Password", "edited in the source, later");
        Source.Update(mail.Id, inSource);
        byte[] diverged = Export(Source);

        BackupRestoreResult result = Import(other.Session, diverged, BackupCredentials.FromEmergencyKit(_source.Kit, TestVaults.Password));

        Assert.Equal(1, result.Merged);
        Record current = other.Session.Get(mail.Id);
        Assert.Equal("edited in the source, later", current.GetField("Password")!.Value);
        string[] history = other.Session.GetHistory(mail.Id).Select(r => r.GetField("Password")!.Value).ToArray();
        Assert.Equal(["edited in the other vault", "third-pass", "second-pass", "first-pass"], history);
        Assert.Empty(other.Session.Verify().Problems);

        // Restoring it again changes nothing more.
        BackupRestoreResult again = Import(other.Session, diverged, BackupCredentials.FromEmergencyKit(_source.Kit, TestVaults.Password));
        Assert.Equal(0, again.Merged + again.Updated + again.Added);
    }

    [Fact]
    public void ARecordRemovedSinceTheBackup_ComesBack_WithTheRemovalInItsHistory()
    {
        Record mail = Populate()[0];
        byte[] backup = Export(Source);
        Source.Remove(mail.Id);

        BackupRestoreResult result = Import(Source, backup);

        Assert.Equal(1, result.Restored);
        Record back = Source.Get(mail.Id);
        Assert.Equal(5, back.Revision);
        Assert.Equal("third-pass", back.GetField("Password")!.Value);
        // The removal (revision 4) is in the chain but not a version to show.
        Assert.Equal(3, Source.GetHistory(mail.Id).Count);
        Assert.Empty(Source.Verify().Problems);
    }

    [Fact]
    public void AnEmptyVault_BacksUpAndRestoresToNothing()
    {
        byte[] backup = Export(Source);
        BackupRestoreResult result = Import(Source, backup);
        Assert.Equal(0, result.Records);
        Assert.Equal(0, result.Added);
    }

    [Fact]
    public void NotABackup_IsBackupInvalid()
    {
        TestValues.AssertFails(MSecureErrorCode.BackupInvalid, () => Import(Source, Encoding.UTF8.GetBytes("Title,Username,Password\nx,y,z\n")));
        TestValues.AssertFails(MSecureErrorCode.BackupInvalid, () => Import(Source, []));
        byte[] newer = Export(Source);
        newer[9] = 2;
        TestValues.AssertFails(MSecureErrorCode.BackupInvalid, () => Import(Source, newer));
        using var info = new MemoryStream(Export(Source));
        Assert.Equal(Source.Info.AccountId, BackupFileInfo.Read(info, "x").AccountId);
    }
}
