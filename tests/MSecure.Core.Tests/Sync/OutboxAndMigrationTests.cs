using System;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Storage;
using MSecure.Core.Sync;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;

using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Sync;

/// <summary>Schema 5, revisions from before it (derived change ids), and what a key rotation does to sync.</summary>
public sealed class OutboxAndMigrationTests : IDisposable
{
    private readonly SyncDevices _devices = new(2);

    public void Dispose() => _devices.Dispose();

    [Fact]
    public void A_schema_4_vault_migrates_with_every_record_in_the_outbox_unsent()
    {
        Record first = _devices[0].Add(TestVaults.Login("first"));
        _devices[0].Update(first.Id, TestVaults.Login("first", "b"));
        Record second = _devices[0].Add(TestVaults.Login("second"));
        string path = _devices.PathOf(0);
        _devices[0].Dispose();
        TestVaults.Execute(path, TestVaults.DropSchema5 + " PRAGMA user_version = 4;");

        using VaultSession reopened = TestVaults.Unlock(path);

        Assert.Equal(VaultSchema.CurrentVersion, reopened.Info.SchemaVersion);
        Assert.Equal(0L, TestVaults.Scalar(path, "SELECT server_revision FROM sync_outbox WHERE record_id = $id;", ("$id", MetaStore.IdBytes(first.Id))));
        Assert.Equal(2L, TestVaults.Scalar(path, "SELECT count(*) FROM sync_outbox;"));
        Assert.Null(TestVaults.Scalar(path, "SELECT sync_state FROM meta;") as byte[]);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void Revisions_without_sync_metadata_travel_with_their_derived_change_ids_and_later_edits_chain_on_them()
    {
        Guid id = _devices[0].Use(vault => vault.WriteRecords(change =>
        {
            // A revision as MSecure wrote it before schema 5: no sync member in its JSON.
            var recordId = Guid.NewGuid();
            RecordContent content = RecordValidation.Validate(TestVaults.Login("legacy"));
            SealedRecord sealedRecord = vault.Codec.Seal(recordId, 1, content, 1_000, 1_000, sync: null);
            RecordStore.Insert(vault.Database, recordId, 1, deleted: false, 1_000, sealedRecord.NameIndex, sealedRecord.Summary, sealedRecord.Content);
            SyncOutbox.Touch(vault.Database, recordId, 0);
            change.Add(new RowState(recordId, 1, false, NameIndexBlocks.From(sealedRecord.NameIndex)));
            return recordId;
        }));
        _devices.Sync(0);

        Assert.Equal(LegacyChangeIds.Of(id, 1), _devices.Server.Log.Single().ChangeId);
        _devices.Sync(1);
        _devices[0].Update(id, TestVaults.Login("legacy", "edited"));
        _devices.Sync(0);
        SyncResult pulled = _devices.Sync(1);

        Assert.Equal(1, pulled.Pulled);
        Assert.Equal(2, _devices[1].Get(id).Revision);
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
        Assert.Empty(_devices[1].CheckIntegrity());
    }

    [Fact]
    public void A_key_rotation_puts_every_record_in_the_outbox_unsent_and_resets_the_cursor_in_its_transaction()
    {
        _devices[0].Add(TestVaults.Login("one"));
        Record two = _devices[0].Add(TestVaults.Login("two"));
        _devices[0].Update(two.Id, TestVaults.Login("two", "b"));
        _devices.Sync(0);
        Assert.Equal(0, Outbox(0));

        _devices[0].Use(vault => AccountKeyRotation.Run(vault, TestVaults.Password));

        Assert.Equal(2, Outbox(0));
        SyncState state = _devices[0].Use(vault => vault.Read(() => SyncStateStore.Read(vault)))!;
        Assert.Equal(0, state.Cursor);
        Assert.True(state.RotatedSinceSync);
        Assert.Equal(SyncState.ServerMethod, state.Method);
        Assert.Empty(_devices[0].CheckIntegrity());
    }

    [Fact]
    public void After_a_rotation_the_next_sync_pushes_everything_into_the_restarted_log()
    {
        _devices[0].AddMany(Enumerable.Range(0, 5).Select(i => TestVaults.Login("r" + i)));
        _devices.Sync(0);
        _devices[0].Use(vault => AccountKeyRotation.Run(vault, TestVaults.Password));
        _devices.Server.DropLog();

        SyncResult result = _devices.Sync(0);

        Assert.Equal(5, result.Pushed);
        Assert.Equal(0, result.Pulled);
        SyncState state = _devices[0].Use(vault => vault.Read(() => SyncStateStore.Read(vault)))!;
        Assert.Equal(5, state.Cursor);
        Assert.False(state.RotatedSinceSync);
        Assert.Equal([1L, 2, 3, 4, 5], _devices.Server.Log.Select(change => change.Sequence));
    }

    [Fact]
    public void A_sync_state_that_does_not_authenticate_is_VaultTampered()
    {
        _devices.Sync(0);
        TestVaults.Execute(_devices.PathOf(0), "UPDATE meta SET sync_state = x'0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20';");

        TestValues.AssertFails(MSecureErrorCode.VaultTampered, () => _devices.Sync(0));
    }

    [Fact]
    public void A_push_is_split_into_batches_that_fit_the_body_limit()
    {
        _devices[0].AddMany(Enumerable.Range(0, 30).Select(i => TestVaults.Login("r" + i)));

        int pushed = _devices[0].Use(vault =>
        {
            using var envelopes = new SyncEnvelope(vault.Codec.Cipher.Keys.RecordEncryption, vault.AccountId, _devices.Server.Source);
            var push = new ServerPush(vault, _devices.Server.For(vault.VaultId), envelopes, maxBodyBytes: 4_000);
            push.Run(null);
            return push.Pushed;
        });

        Assert.Equal(30, pushed);
        Assert.True(_devices.Server.Pushes >= 5, $"{_devices.Server.Pushes} pushes");
        Assert.Equal(0, Outbox(0));
    }

    [Fact]
    public void A_push_stored_right_after_the_cursor_moves_the_cursor_so_the_next_pull_downloads_nothing()
    {
        _devices[0].AddMany(Enumerable.Range(0, 10).Select(i => TestVaults.Login("r" + i)));
        _devices.Sync(0);

        SyncState state = _devices[0].Use(vault => vault.Read(() => SyncStateStore.Read(vault)))!;

        Assert.Equal(10, state.Cursor);
    }

    private long Outbox(int device) => _devices[device].Use(vault => vault.Read(() => SyncOutbox.Count(vault.Database)));
}
