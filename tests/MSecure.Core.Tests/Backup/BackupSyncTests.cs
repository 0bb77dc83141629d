using System;
using System.Linq;
using System.Threading;
using MSecure.Core.Backup;
using MSecure.Core.Records;
using MSecure.Core.Tests.Sync;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;
using static MSecure.Core.Tests.Backup.BackupTestSupport;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Backup;

/// <summary>Restored revisions are ordinary local revisions for sync: both devices converge on them.</summary>
public sealed class BackupSyncTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void ARestoreAddingAndMergingRecords_SyncsToTheOtherDevice_WhichConvergesExactly()
    {
        using var devices = new SyncDevices(2, folder: true);
        Record mail = devices[0].Add(TestVaults.Login("Mail", "alice", "v1"));
        devices.SyncFolder(0);
        devices.SyncFolder(1);

        // Another account's vault gets the record from a backup, edits it, and adds one.
        using VaultCreation elsewhere = VaultFile.Create(_directory.File("elsewhere.msecure"), "bob@example.org", TestVaults.Password, TestVaults.Kdf);
        Import(elsewhere.Session, Export(devices[0]), BackupCredentials.FromEmergencyKit(Kit(devices), TestVaults.Password));
        RecordDraft edited = RecordDraft.From(elsewhere.Session.Get(mail.Id));
        edited.SetField("Password", "edited elsewhere");
        elsewhere.Session.Update(mail.Id, edited);
        elsewhere.Session.Add(TestVaults.Login("Bank", "alice", "bank secret"));

        // Meanwhile device 1 edits the same record, later.
        Thread.Sleep(20);
        RecordDraft onDevice = RecordDraft.From(devices[1].Get(mail.Id));
        onDevice.SetField("Password", "edited on device 1");
        devices[1].Update(mail.Id, onDevice);
        devices.SyncFolder(1);
        devices.SyncFolder(0);

        BackupRestoreResult result = Import(devices[0], Export(elsewhere.Session, BackupSealMode.Password), BackupCredentials.FromPassword(BackupPassword));
        Assert.Equal(1, result.Added);
        Assert.Equal(1, result.Merged);

        devices.SyncFolder(0);
        devices.SyncFolder(1);
        devices.SyncFolder(0);

        Assert.Equal(devices.Snapshot(0), devices.Snapshot(1));
        Assert.Equal("edited on device 1", devices[1].Get(mail.Id).GetField("Password")!.Value);
        Assert.Contains("edited elsewhere", devices[1].GetHistory(mail.Id).Select(r => r.GetField("Password")!.Value));
        Assert.Equal("bank secret", devices[1].FindByName("Bank")!.GetField("Password")!.Value);
        Assert.Empty(devices[0].Verify().Problems);
        Assert.Empty(devices[1].Verify().Problems);
    }

    private static Core.Kit.EmergencyKit Kit(SyncDevices devices) => devices[0].GetEmergencyKit();
}
