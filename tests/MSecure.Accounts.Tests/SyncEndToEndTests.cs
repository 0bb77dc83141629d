using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MSecure.Core.Accounts;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Records;
using MSecure.Core.Sync;
using MSecure.Core.Vault;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

using Record = MSecure.Core.Records.Record;

namespace MSecure.Accounts.Tests;

/// <summary>Server sync through the real account server over HTTPS on loopback: enrollment pulls, edits on two devices converge, rotation pushes everything.</summary>
public sealed class SyncEndToEndTests
{
    private const string Password = "correct horse battery staple";
    private const string Email = "alice@example.com";

    /// <summary>SQLite always; PostgreSQL with MSECURE_TEST_POSTGRES (CI).</summary>
    public static TheoryData<string> Databases => TestDatabases.All;

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Two_devices_edit_add_and_remove_on_both_sides_and_converge_with_a_conflict_named(string database)
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(database);
        using VaultCreation device1 = CreateRegistered(host);
        Record shared = device1.Session.Add(Login("shared", "v1"));
        Record removed = device1.Session.Add(Login("to-remove", "x"));
        device1.Session.Add(Login("third", "y"));
        SyncResult pushed = device1.Session.Sync();
        Assert.Equal(3, pushed.Pushed);
        Assert.Equal(SyncMethod.Server, pushed.Method);
        Assert.Equal(host.Server.AbsoluteUri, pushed.Source);

        using VaultCreation device2 = Enroll(host, "device2", device1.Kit.ToText());
        Assert.Equal(3, device2.InitialSync!.Pulled);
        Assert.Equal(Snapshot(device1.Session), Snapshot(device2.Session));

        device1.Session.Update(shared.Id, Login("shared", "from-device1"));
        System.Threading.Thread.Sleep(5);
        device2.Session.Update(shared.Id, Login("shared", "from-device2"));
        device2.Session.Remove(removed.Id);
        device1.Session.Add(Login("added-on-1", "a"));
        device2.Session.Add(Login("added-on-2", "b"));

        var stages = new List<SyncStage>();
        device1.Session.Sync(progress => stages.Add(progress.Stage));
        SyncResult second = device2.Session.Sync();
        device1.Session.Sync();

        Assert.Contains(SyncStage.Pulling, stages);
        Assert.Contains(SyncStage.Pushing, stages);
        Assert.Equal(shared.Id, Assert.Single(second.Conflicts).RecordId);
        Assert.Equal(Snapshot(device1.Session), Snapshot(device2.Session));
        Assert.Equal("from-device2", Secret(device1.Session, shared.Id));
        Assert.Contains(device1.Session.GetHistory(shared.Id), version => version.Fields.Any(field => field.Value == "from-device1"));
        Assert.Null(device1.Session.FindByName("to-remove"));
        Assert.Empty(device1.Session.CheckIntegrity());
        Assert.Empty(device2.Session.CheckIntegrity());

        using VaultCreation device3 = Enroll(host, "device3", device1.Kit.ToText());
        Assert.Equal(Snapshot(device1.Session), Snapshot(device3.Session));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task A_rotation_pushes_everything_under_the_new_key_and_other_devices_learn_it_was_rotated(string database)
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(database);
        using VaultCreation device1 = CreateRegistered(host);
        Record edited = device1.Session.Add(Login("edited", "1"));
        device1.Session.Update(edited.Id, Login("edited", "2"));
        device1.Session.Add(Login("other", "3"));
        device1.Session.Sync();
        using VaultCreation device2 = Enroll(host, "device2", device1.Kit.ToText());

        EmergencyKit newKit = device1.Session.RotateAccountKey(Password);

        Assert.Null(device1.Session.LastSyncError);
        Assert.Equal(3, device1.Session.LastSync!.Pushed);
        MSecureException rotated = Assert.Throws<MSecureException>(() => device2.Session.Sync());
        Assert.Equal(MSecureErrorCode.AccountKeyRotated, rotated.Code);
        using VaultCreation device3 = Enroll(host, "device3", newKit.ToText());
        Assert.Equal(3, device3.InitialSync!.Pulled);
        Assert.Equal(Snapshot(device1.Session), Snapshot(device3.Session));
        Assert.Empty(device3.Session.CheckIntegrity());
    }

    [Fact]
    public async Task An_enrollment_whose_pull_meets_swapped_envelopes_is_SyncTampered_and_leaves_no_vault_behind()
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(TestDatabases.Sqlite);
        using VaultCreation device1 = CreateRegistered(host);
        device1.Session.Add(Login("one", "1"));
        device1.Session.Add(Login("two", "2"));
        device1.Session.Sync();
        // The server's database is changed behind its back: two records' envelopes swapped.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Path.Combine(host.Settings.DataDirectory, "msecure-server.db") + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE sync_changes SET envelope = (SELECT envelope FROM sync_changes AS other WHERE other.sequence = 3 - sync_changes.sequence);";
            Assert.Equal(2, command.ExecuteNonQuery());
        }

        string path = Path.Combine(host.VaultFolder("device2"), "vault.msecure");
        MSecureException tampered = Assert.Throws<MSecureException>(() =>
            AccountEnrollment.Enroll(path, host.Server, host.Fingerprint, Email, device1.Kit.ToText(), Password, "device2", AccountServerHost.ClientOptions));

        Assert.Equal(MSecureErrorCode.SyncTampered, tampered.Code);
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + "-wal"));
        Assert.False(File.Exists(path + ".witness"));
        Assert.NotNull(Assert.Single(device1.Session.GetDevices(), device => device.Name == "device2").RevokedAt);
    }

    private static RecordDraft Login(string name, string secret)
    {
        RecordDraft draft = RecordDraft.FromTemplate(name, RecordTemplate.Login);
        draft.SetField("Username", "alice");
        draft.SetField("Password", secret);
        return draft;
    }

    private static string Secret(VaultSession session, Guid id) => session.Get(id).Fields.Single(field => field.Label == "Password").Value;

    private static List<string> Snapshot(VaultSession session)
    {
        var lines = new List<string>();
        foreach (RecordSummary summary in session.Search(new RecordQuery()).OrderBy(summary => summary.Id))
        {
            Record record = session.Get(summary.Id);
            lines.Add($"{record.Id} r{record.Revision} {record.Name} {string.Join(",", record.Fields.Select(field => field.Value))}");
            lines.AddRange(session.GetHistory(summary.Id).Select(version => $"  r{version.Revision} {version.Name} {string.Join(",", version.Fields.Select(field => field.Value))}"));
        }

        return lines;
    }

    private static VaultCreation CreateRegistered(AccountServerHost host)
    {
        VaultCreation creation = VaultFile.Create(Path.Combine(host.VaultFolder("device1"), "vault.msecure"), Email, Password, KdfParameters.Minimum);
        creation.Session.AccountServerOptions = AccountServerHost.ClientOptions;
        creation.Session.RegisterAccount(host.Server, host.Fingerprint, "device1");
        return creation;
    }

    private static VaultCreation Enroll(AccountServerHost host, string device, string kit)
    {
        VaultCreation creation = AccountEnrollment.Enroll(Path.Combine(host.VaultFolder(device), "vault.msecure"), host.Server, host.Fingerprint, Email, kit,
            Password, device, AccountServerHost.ClientOptions);
        creation.Session.AccountServerOptions = AccountServerHost.ClientOptions;
        return creation;
    }
}
