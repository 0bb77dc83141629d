using System;
using System.IO;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Sync;
using MSecure.Core.Tests.Vault;
using Xunit;

using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Sync;

/// <summary>Folder sync between devices of one account: applying, linearisation, chain replacement, outbox export.</summary>
public sealed class FolderSyncTests : IDisposable
{
    private readonly SyncDevices _devices = new(3, folder: true);

    public void Dispose() => _devices.Dispose();

    [Fact]
    public void Records_written_on_one_device_arrive_on_the_other_with_the_same_ids_revisions_and_content()
    {
        Record login = _devices[0].Add(TestVaults.Login("mail", "alice", "pw-1"));
        _devices[0].Update(login.Id, TestVaults.Login("mail", "alice", "pw-2"));
        _devices[0].Add(TestVaults.Login("bank"));

        SyncResult first = _devices.SyncFolder(0);
        SyncResult second = _devices.SyncFolder(1);

        Assert.Equal(SyncMethod.Folder, first.Method);
        Assert.Equal(Path.GetFullPath(_devices.FolderPath), first.Source);
        Assert.Equal(3, first.Pushed);
        Assert.Equal(3, second.Pulled);
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
        Assert.Equal(0, _devices[0].Use(vault => vault.Read(() => SyncOutbox.Count(vault.Database))));
        Assert.Empty(_devices[1].CheckIntegrity());
    }

    [Fact]
    public void A_second_sync_reads_and_writes_nothing_new()
    {
        _devices[0].Add(TestVaults.Login("mail"));
        _devices.SyncFolder(0);
        _devices.SyncFolder(1);

        SyncResult again = _devices.SyncFolder(1);

        Assert.Equal(0, again.Pulled);
        Assert.Equal(0, again.Pushed);
        Assert.Empty(again.Warnings);
    }

    [Fact]
    public void Concurrent_edits_converge_to_the_same_chain_in_both_sync_orders_with_the_newer_current()
    {
        Record record = Shared();
        _devices[0].Update(record.Id, TestVaults.Login("shared", "a", "from-0"));
        System.Threading.Thread.Sleep(5);
        _devices[1].Update(record.Id, TestVaults.Login("shared", "a", "from-1-newer"));

        _devices.SyncFolder(1);
        SyncResult conflicted = _devices.SyncFolder(0);
        _devices.SyncFolder(1);

        Assert.Contains(conflicted.Conflicts, conflict => conflict.RecordId == record.Id);
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
        Assert.Equal("from-1-newer", PasswordOf(0, record.Id));
        Assert.Contains(_devices[0].GetHistory(record.Id), h => h.Fields.Any(f => f.Value == "from-0"));
        Assert.Empty(_devices[0].CheckIntegrity());
        Assert.Empty(_devices[1].CheckIntegrity());
    }

    [Fact]
    public void A_chain_replaced_by_the_linearisation_keeps_the_vault_integrity_clean()
    {
        Record record = Shared();
        // Device 1 edits first (older) but syncs last: device 0's newer edit is already its revision 2,
        // so device 1's older edit goes before it and device 0's chain is replaced from revision 2.
        _devices[1].Update(record.Id, TestVaults.Login("shared", "a", "older"));
        System.Threading.Thread.Sleep(5);
        _devices[0].Update(record.Id, TestVaults.Login("shared", "a", "newer"));
        _devices.SyncFolder(1);

        _devices.SyncFolder(0);

        Assert.Equal(3, _devices[0].Get(record.Id).Revision);
        Assert.Equal("newer", PasswordOf(0, record.Id));
        Assert.Equal(["older", "s3cret-value"], _devices[0].GetHistory(record.Id).Select(h => h.Fields.Single(f => f.Label == "Password").Value));
        Assert.Empty(_devices[0].CheckIntegrity());
        _devices.SyncFolder(1);
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_edit_concurrent_with_a_removal_stays_current_on_both_devices(bool removerFirst)
    {
        Record record = Shared();
        _devices[0].Remove(record.Id);
        _devices[1].Update(record.Id, TestVaults.Login("shared", "a", "edited"));

        int first = removerFirst ? 0 : 1, second = 1 - first;
        _devices.SyncFolder(first);
        _devices.SyncFolder(second);
        _devices.SyncFolder(first);

        Assert.Equal("edited", PasswordOf(0, record.Id));
        Assert.Equal("edited", PasswordOf(1, record.Id));
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
        Assert.Empty(_devices[0].CheckIntegrity());
        Assert.Empty(_devices[1].CheckIntegrity());
    }

    [Fact]
    public void A_folder_sync_with_nothing_new_does_not_write_the_vault()
    {
        Shared();
        _devices.SyncFolder(0);
        long before = _devices[0].Use(vault => vault.Read(() => vault.ReadState().Revision));

        SyncResult result = _devices.SyncFolder(0);

        Assert.Equal(0, result.Pulled);
        Assert.Equal(0, result.Pushed);
        Assert.Equal(before, _devices[0].Use(vault => vault.Read(() => vault.ReadState().Revision)));
    }

    [Fact]
    public void After_a_compaction_a_new_device_gets_everything()
    {
        Record record = Shared();
        _devices[0].Update(record.Id, TestVaults.Login("shared", "a", "two"));
        _devices[1].Add(TestVaults.Login("from-1"));
        _devices.SyncFolder(0);
        _devices.SyncFolder(1);
        _devices.SyncFolder(0, compact: true);

        _devices.SyncFolder(2);

        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(2));
        Assert.Equal(_devices.Snapshot(1), _devices.Snapshot(2));
    }

    [Fact]
    public void Records_added_with_the_same_name_on_two_devices_are_both_kept_and_the_larger_id_is_renamed()
    {
        Record a = _devices[0].Add(TestVaults.Login("Twin", "a"));
        Record b = _devices[1].Add(TestVaults.Login("twin", "b"));

        _devices.SyncFolder(0);
        _devices.SyncFolder(1);
        _devices.SyncFolder(0);

        Guid larger = MSecure.Core.Sync.IdOrder.Compare(a.Id, b.Id) > 0 ? a.Id : b.Id;
        Assert.StartsWith(larger == a.Id ? "Twin (" : "twin (", _devices[0].Get(larger).Name, StringComparison.Ordinal);
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
    }

    [Fact]
    public void A_server_bound_vault_refuses_a_folder_and_a_folder_vault_refuses_the_server()
    {
        using var server = new SyncDevices(2);
        TestValues.AssertFails(MSecureErrorCode.SyncNotConfigured, () => server[1].SyncFolder(_devices.FolderPath));
        _devices.SyncFolder(1);
        TestValues.AssertFails(MSecureErrorCode.SyncNotConfigured, () => _devices[1].Sync());
    }

    [Fact]
    public void A_change_file_whose_envelope_was_swapped_inside_an_authentic_batch_is_SyncTampered_and_nothing_is_written()
    {
        // An authentic batch (sealed by a device of the account) holding a change envelope of another
        // record: the engine opens every change and refuses the whole read.
        _devices.SyncFolder(1);
        Record one = _devices[0].Add(TestVaults.Login("one"));
        Record two = _devices[0].Add(TestVaults.Login("two"));
        var changes = _devices[0].Use(vault =>
        {
            using var envelopes = new SyncEnvelope(vault.Codec.Cipher.Keys.RecordEncryption, vault.AccountId, _devices.FolderPath);
            return FolderExport.Outbox(vault, envelopes).Changes;
        });
        var swapped = new[] { changes[0] with { Envelope = changes[1].Envelope }, changes[1] with { Envelope = changes[0].Envelope } };
        _devices[0].Use(vault => new MSecure.Core.Sync.Folder.SyncFolder(_devices.FolderPath, vault.Codec.Cipher.Keys, vault.VaultId).WriteBatch(swapped));
        string before = _devices.WriteMark(2);

        TestValues.AssertFails(MSecureErrorCode.SyncTampered, () => _devices.SyncFolder(2));

        Assert.Equal(before, _devices.WriteMark(2));
        Assert.NotEqual(one.Id, two.Id);
    }

    [Fact]
    public void After_a_key_rotation_the_rotating_device_takes_the_folder_over_and_the_others_learn_it_was_rotated()
    {
        Record record = Shared();
        _devices[0].Use(vault => MSecure.Core.Vault.AccountKeyRotation.Run(vault, TestVaults.Password));

        SyncResult takeover = _devices.SyncFolder(0);

        Assert.Equal(1, takeover.Pushed);
        TestValues.AssertFails(MSecureErrorCode.AccountKeyRotated, () => _devices.SyncFolder(1));
        Assert.Equal("shared", _devices[0].Get(record.Id).Name);
        Assert.Empty(_devices.SyncFolder(0).Warnings);
    }

    private Record Shared()
    {
        Record record = _devices[0].Add(TestVaults.Login("shared"));
        _devices.SyncFolder(0);
        _devices.SyncFolder(1);
        return record;
    }

    private string PasswordOf(int device, Guid id) => _devices[device].Get(id).Fields.Single(f => f.Label == "Password").Value;
}
