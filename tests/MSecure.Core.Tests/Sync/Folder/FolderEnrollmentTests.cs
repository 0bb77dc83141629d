using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using MSecure.Core.Accounts;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Sync;
using MSecure.Core.Sync.Folder;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;

using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Sync.Folder;

public sealed class FolderEnrollmentTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _first;
    private readonly string _folder;

    public FolderEnrollmentTests()
    {
        _first = TestVaults.Create(_directory.File("first.msecure"));
        _folder = _directory.File("shared");
        Directory.CreateDirectory(_folder);
    }

    private string NewVault => _directory.File("second.msecure");

    public void Dispose()
    {
        _first.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Enrolling_from_the_folder_pulls_every_record_and_the_new_device_syncs_on()
    {
        Record mail = _first.Session.Add(TestVaults.Login("mail", "alice", "pw-1"));
        _first.Session.Update(mail.Id, TestVaults.Login("mail", "alice", "pw-2"));
        Record gone = _first.Session.Add(TestVaults.Login("old"));
        _first.Session.Remove(gone.Id);
        _first.Session.Add(TestVaults.Login("bank", "bob", "pw-3"));
        _first.Session.SyncFolder(_folder);
        var stages = new List<EnrollmentStage>();

        using VaultCreation second = FolderEnrollment.Enroll(NewVault, _folder, _first.Kit.ToText(), TestVaults.Password, "  ALICE@example.com ", stages.Add);

        Assert.Equal([EnrollmentStage.OpeningKit, EnrollmentStage.VerifyingAccount, EnrollmentStage.CreatingVault, EnrollmentStage.Syncing], stages);
        Assert.NotNull(second.InitialSync);
        Assert.Equal(SyncMethod.Folder, second.InitialSync.Method);
        Assert.Empty(second.InitialSync.Warnings);
        Assert.Equal(Records(_first.Session), Records(second.Session));
        Assert.Equal(_first.Kit.AccountId, second.Kit.AccountId);
        Assert.Null(second.Session.Info.Server);
        Assert.NotEqual(_first.Session.Info.VaultId, second.Session.Info.VaultId);
        Assert.Empty(second.Session.CheckIntegrity());

        second.Session.Add(TestVaults.Login("from-second"));
        second.Session.SyncFolder(_folder);
        _first.Session.SyncFolder(_folder);
        Assert.NotNull(_first.Session.FindByName("from-second"));
    }

    [Fact]
    public void A_wrong_password_leaves_no_vault()
    {
        _first.Session.SyncFolder(_folder);
        AssertNoVaultAfter(MSecureErrorCode.WrongPassword, () => FolderEnrollment.Enroll(NewVault, _folder, _first.Kit.ToText(), "wrong password"));
    }

    [Fact]
    public void Another_accounts_kit_is_KitAccountMismatch_and_leaves_no_vault()
    {
        _first.Session.SyncFolder(_folder);
        using VaultCreation stranger = TestVaults.Create(_directory.File("stranger.msecure"));
        AssertNoVaultAfter(MSecureErrorCode.KitAccountMismatch, () => FolderEnrollment.Enroll(NewVault, _folder, stranger.Kit.ToText(), TestVaults.Password));
    }

    [Fact]
    public void A_folder_verifier_that_the_kit_does_not_open_is_KitAccountMismatch()
    {
        using AccountKey otherKey = AccountKey.Generate();
        using AccountKeys otherKeys = AccountKeys.Derive(otherKey, _first.Kit.AccountId);
        File.WriteAllBytes(Path.Combine(_folder, "msecure-sync.json"), new FolderAccountFile(_first.Kit.AccountId, AccountVerifier.Create(otherKeys)).ToJson());

        MSecureException error = AssertNoVaultAfter(MSecureErrorCode.KitAccountMismatch,
            () => FolderEnrollment.Enroll(NewVault, _folder, _first.Kit.ToText(), TestVaults.Password));
        Assert.Contains("verifier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_key_rotation_only_the_new_kit_enrolls_and_gets_every_record()
    {
        _first.Session.Add(TestVaults.Login("before"));
        _first.Session.SyncFolder(_folder);
        string oldKit = _first.Kit.ToText();
        string newKit = _first.Session.RotateAccountKey(TestVaults.Password).ToText();
        _first.Session.Add(TestVaults.Login("after"));
        _first.Session.SyncFolder(_folder);

        AssertNoVaultAfter(MSecureErrorCode.KitAccountMismatch, () => FolderEnrollment.Enroll(NewVault, _folder, oldKit, TestVaults.Password));
        using VaultCreation second = FolderEnrollment.Enroll(NewVault, _folder, newKit, TestVaults.Password);

        Assert.Equal(Records(_first.Session), Records(second.Session));
        Assert.NotNull(second.Session.FindByName("before"));
    }

    [Fact]
    public void Another_email_than_the_kits_is_KitAccountMismatch()
    {
        _first.Session.SyncFolder(_folder);
        AssertNoVaultAfter(MSecureErrorCode.KitAccountMismatch,
            () => FolderEnrollment.Enroll(NewVault, _folder, _first.Kit.ToText(), TestVaults.Password, "mallory@example.com"));
    }

    [Fact]
    public void A_folder_no_device_has_synced_through_is_SyncFolderInvalid()
    {
        AssertNoVaultAfter(MSecureErrorCode.SyncFolderInvalid, () => FolderEnrollment.Enroll(NewVault, _folder, _first.Kit.ToText(), TestVaults.Password));
        AssertNoVaultAfter(MSecureErrorCode.SyncFolderInvalid,
            () => FolderEnrollment.Enroll(NewVault, _directory.File("missing"), _first.Kit.ToText(), TestVaults.Password));
    }

    [Fact]
    public void An_existing_vault_is_never_replaced()
    {
        _first.Session.SyncFolder(_folder);
        File.WriteAllText(NewVault, "mine");

        TestValues.AssertFails(MSecureErrorCode.VaultAlreadyExists, () => FolderEnrollment.Enroll(NewVault, _folder, _first.Kit.ToText(), TestVaults.Password));

        Assert.Equal("mine", File.ReadAllText(NewVault));
    }

    [Fact]
    public void A_pull_that_fails_deletes_the_new_vault_and_its_companions()
    {
        _first.Session.Add(TestVaults.Login("mail"));
        _first.Session.SyncFolder(_folder);
        using (AccountKey key = _first.Kit.Open(TestVaults.Password))
        using (AccountKeys keys = AccountKeys.Derive(key, _first.Kit.AccountId))
        {
            // A batch sealed with the account's key (so the folder layer accepts it) whose change does not open as a sync envelope.
            var name = new FolderFileName(Guid.NewGuid(), FolderFileKind.Batch, 1);
            string deviceFolder = Path.Combine(_folder, FolderFileName.DeviceFolderName(name.Author));
            Directory.CreateDirectory(deviceFolder);
            var change = new FolderChange(Guid.NewGuid(), Guid.NewGuid(), false, RandomNumberGenerator.GetBytes(100));
            File.WriteAllBytes(Path.Combine(deviceFolder, name.Name),
                FolderFileEnvelope.Seal(keys.RecordEncryption, _first.Kit.AccountId, name, new FolderBatchContent([change], null).ToJson()));
        }

        AssertNoVaultAfter(MSecureErrorCode.SyncTampered, () => FolderEnrollment.Enroll(NewVault, _folder, _first.Kit.ToText(), TestVaults.Password));
    }

    private MSecureException AssertNoVaultAfter(MSecureErrorCode expected, Func<object?> enroll)
    {
        string[] folderBefore = FolderSnapshot();
        MSecureException error = TestValues.AssertFails(expected, enroll);
        Assert.Empty(Directory.GetFiles(_directory.Path, "second.msecure*"));
        Assert.Equal(folderBefore, FolderSnapshot());
        return error;
    }

    private string[] FolderSnapshot() =>
        Directory.Exists(_folder)
            ? [.. Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(file => file + ":" + Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(file))))]
            : [];

    private static List<string> Records(VaultSession session) =>
        [.. session.Search(new RecordQuery()).OrderBy(summary => summary.Id).SelectMany(summary =>
        {
            Record record = session.Get(summary.Id);
            return new[] { $"{record.Id} r{record.Revision} {record.Name} {string.Join(",", record.Fields.Select(field => field.Value))}" }
                .Concat(session.GetHistory(summary.Id).Select(old => $"  r{old.Revision} {old.Name} {string.Join(",", old.Fields.Select(field => field.Value))}"));
        })];
}
