using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Sync;
using MSecure.Core.Tests.Vault;
using Xunit;

using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Sync;

/// <summary>Server sync between devices of one account through an in-memory server with the real protocol's rules.</summary>
public sealed class ServerSyncTests : IDisposable
{
    private readonly SyncDevices _devices = new(3);

    public void Dispose() => _devices.Dispose();

    [Fact]
    public void Records_added_on_one_device_arrive_on_the_other_with_the_same_ids_revisions_and_content()
    {
        Record login = _devices[0].Add(TestVaults.Login("mail", "alice", "pw-1"));
        _devices[0].Update(login.Id, TestVaults.Login("mail", "alice", "pw-2"));
        _devices[0].Add(TestVaults.Login("bank"));

        SyncResult first = _devices.Sync(0);
        SyncResult second = _devices.Sync(1);

        Assert.Equal(3, first.Pushed);
        Assert.Equal(0, first.Pulled);
        Assert.Equal(3, second.Pulled);
        Assert.Equal(0, second.Pushed);
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
        Assert.Equal("pw-2", _devices[1].Get(login.Id).Fields.Single(f => f.Label == "Password").Value);
        Assert.Equal(2, _devices[1].Get(login.Id).Revision);
        Assert.Single(_devices[1].GetHistory(login.Id));
        Assert.Empty(_devices[0].CheckIntegrity());
        Assert.Empty(_devices[1].CheckIntegrity());
    }

    [Fact]
    public void A_second_sync_with_nothing_new_pulls_and_pushes_nothing_and_own_changes_are_not_counted_as_pulled()
    {
        _devices[0].Add(TestVaults.Login("mail"));
        _devices.Sync(0);

        SyncResult again = _devices.Sync(0);

        Assert.Equal(0, again.Pulled);
        Assert.Equal(0, again.Pushed);
        Assert.Equal(0, _devices[0].Use(vault => vault.Read(() => SyncOutbox.Count(vault.Database))));
    }

    [Fact]
    public void Every_local_write_puts_the_record_in_the_outbox_with_the_revision_the_server_holds()
    {
        Record added = _devices[0].Add(TestVaults.Login("mail"));
        Assert.Equal(0, Outbox(0, added.Id));
        _devices.Sync(0);
        Assert.Null(Outbox(0, added.Id));

        _devices[0].Update(added.Id, TestVaults.Login("mail", "bob"));
        _devices[0].Update(added.Id, TestVaults.Login("mail", "carol"));
        Assert.Equal(1, Outbox(0, added.Id));
        _devices[0].Remove(added.Id);
        Assert.Equal(1, Outbox(0, added.Id));

        SyncResult result = _devices.Sync(0);
        Assert.Equal(3, result.Pushed);
        Assert.Null(Outbox(0, added.Id));
        Assert.Equal([1L, 2, 3, 4], _devices.Server.Log.Where(c => c.RecordId == added.Id).Select(c => c.Revision));
    }

    [Fact]
    public void Every_revision_carries_a_fresh_change_id_whose_parent_is_the_previous_revision()
    {
        Record added = _devices[0].Add(TestVaults.Login("mail"));
        _devices[0].Update(added.Id, TestVaults.Login("mail", "bob"));
        _devices[0].Remove(added.Id);

        List<(Guid Change, Guid? Parent, Guid Author, bool Deleted)> chain = Chain(0, added.Id);

        Assert.Equal(3, chain.Count);
        Assert.Null(chain[0].Parent);
        Assert.Equal(chain[0].Change, chain[1].Parent);
        Assert.Equal(chain[1].Change, chain[2].Parent);
        Assert.True(chain[2].Deleted);
        Assert.Equal(3, chain.Select(c => c.Change).Distinct().Count());
        Assert.All(chain, c => Assert.Equal(_devices.DeviceId(0), c.Author));
    }

    [Fact]
    public void Concurrent_edits_keep_both_the_newer_wins_on_both_devices_and_the_other_is_in_history()
    {
        Record record = SharedRecord();
        _devices[0].Update(record.Id, TestVaults.Login("shared", "alice", "from-0"));
        System.Threading.Thread.Sleep(5);
        _devices[1].Update(record.Id, TestVaults.Login("shared", "alice", "from-1-newer"));

        _devices.Sync(0);
        SyncResult conflicted = _devices.Sync(1);
        _devices.Sync(0);

        Assert.Single(conflicted.Conflicts);
        Assert.Equal(record.Id, conflicted.Conflicts[0].RecordId);
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
        Assert.Equal("from-1-newer", PasswordOf(0, record.Id));
        Assert.Contains(_devices[0].GetHistory(record.Id), h => h.Fields.Any(f => f.Value == "from-0"));
        Assert.Empty(_devices[0].CheckIntegrity());
        Assert.Empty(_devices[1].CheckIntegrity());
    }

    [Fact]
    public void Concurrent_edits_where_the_remote_one_is_newer_end_with_a_winner_copy_on_both_devices()
    {
        Record record = SharedRecord();
        _devices[1].Update(record.Id, TestVaults.Login("shared", "alice", "from-1-older"));
        System.Threading.Thread.Sleep(5);
        _devices[0].Update(record.Id, TestVaults.Login("shared", "alice", "from-0-newer"));

        _devices.Sync(0);
        SyncResult conflicted = _devices.Sync(1);
        _devices.Sync(0);

        Assert.Single(conflicted.Conflicts);
        Assert.Equal("from-0-newer", PasswordOf(0, record.Id));
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
        List<(Guid Change, Guid? Parent, Guid Author, bool Deleted)> chain = Chain(1, record.Id);
        Assert.Equal(4, chain.Count);
        Assert.Contains(_devices[1].GetHistory(record.Id), h => h.Fields.Any(f => f.Value == "from-1-older"));
        Assert.Empty(_devices[1].CheckIntegrity());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_edit_wins_against_a_concurrent_removal_whichever_syncs_first(bool removerSyncsFirst)
    {
        Record record = SharedRecord();
        _devices[0].Remove(record.Id);
        _devices[1].Update(record.Id, TestVaults.Login("shared", "alice", "edited"));

        int first = removerSyncsFirst ? 0 : 1, second = 1 - first;
        _devices.Sync(first);
        _devices.Sync(second);
        _devices.Sync(first);

        Assert.Equal("edited", PasswordOf(0, record.Id));
        Assert.Equal("edited", PasswordOf(1, record.Id));
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
        Assert.Empty(_devices[0].CheckIntegrity());
        Assert.Empty(_devices[1].CheckIntegrity());
    }

    [Fact]
    public void Several_pending_revisions_are_rebased_on_the_remote_change_in_order()
    {
        Record record = SharedRecord();
        _devices[0].Update(record.Id, TestVaults.Login("shared", "alice", "remote"));
        _devices.Sync(0);
        System.Threading.Thread.Sleep(5);
        _devices[1].Update(record.Id, TestVaults.Login("shared", "alice", "local-1"));
        _devices[1].Update(record.Id, TestVaults.Login("shared", "alice", "local-2"));

        SyncResult result = _devices.Sync(1);
        _devices.Sync(0);

        Assert.Single(result.Conflicts);
        Assert.Equal("local-2", PasswordOf(0, record.Id));
        List<string> passwords = _devices[0].GetHistory(record.Id).Select(h => h.Fields.Single(f => f.Label == "Password").Value).ToList();
        Assert.Equal(["local-1", "remote", "s3cret-value"], passwords);
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
    }

    [Fact]
    public void Removals_on_both_devices_end_removed_on_both()
    {
        Record record = SharedRecord();
        _devices[0].Remove(record.Id);
        _devices[1].Remove(record.Id);

        _devices.Sync(0);
        _devices.Sync(1);
        _devices.Sync(0);

        Assert.Throws<MSecureException>(() => _devices[0].Get(record.Id));
        Assert.Throws<MSecureException>(() => _devices[1].Get(record.Id));
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
    }

    [Fact]
    public void Records_added_with_the_same_name_on_two_devices_are_both_kept_and_the_larger_id_is_renamed()
    {
        Record a = _devices[0].Add(TestVaults.Login("Twin", "a"));
        Record b = _devices[1].Add(TestVaults.Login("twin", "b"));

        _devices.Sync(0);
        SyncResult result = _devices.Sync(1);
        _devices.Sync(0);

        Guid larger = MSecure.Core.Sync.IdOrder.Compare(a.Id, b.Id) > 0 ? a.Id : b.Id;
        string expected = NameCollisions.RenamedName(larger, larger == a.Id ? "Twin" : "twin");
        Assert.Contains(result.Conflicts, c => c.RecordId == larger);
        Assert.Equal(expected, _devices[0].Get(larger).Name);
        Assert.Equal(expected, _devices[1].Get(larger).Name);
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
        Assert.Empty(_devices[0].CheckIntegrity());
        Assert.Empty(_devices[1].CheckIntegrity());
    }

    [Fact]
    public void A_third_device_pulls_the_same_set_after_edits_adds_and_removals_on_two()
    {
        Record shared = SharedRecord();
        Record gone = _devices[0].Add(TestVaults.Login("gone"));
        _devices.Sync(0);
        _devices.Sync(1);
        _devices[0].Update(shared.Id, TestVaults.Login("shared", "x", "zero"));
        _devices[1].Remove(gone.Id);
        _devices[1].Add(TestVaults.Login("new-on-1"));
        _devices[0].Add(TestVaults.Login("new-on-0"));

        _devices.Sync(1);
        _devices.Sync(0);
        _devices.Sync(1);
        _devices.Sync(2);

        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(2));
        Assert.Empty(_devices[2].CheckIntegrity());
    }

    [Fact]
    public void Pulls_and_pushes_are_paged_and_batched()
    {
        _devices[0].AddMany(Enumerable.Range(0, 120).Select(i => TestVaults.Login("r" + i)));
        SyncResult pushed = _devices[0].Use(vault =>
        {
            using var envelopes = new SyncEnvelope(vault.Codec.Cipher.Keys.RecordEncryption, vault.AccountId, _devices.Server.Source);
            var small = new ServerPush(vault, _devices.Server.For(vault.VaultId), envelopes, maxChanges: 50);
            small.Run(null);
            return new SyncResult(SyncMethod.Server, "", 0, small.Pushed, [], [], TimeSpan.Zero);
        });

        Assert.Equal(120, pushed.Pushed);
        Assert.Equal(3, _devices.Server.Pushes);
        Assert.Equal(120, _devices.Sync(1).Pulled);
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
    }

    [Fact]
    public void A_sync_on_a_vault_without_a_server_is_SyncNotConfigured()
    {
        MSecureException error = Assert.Throws<MSecureException>(() => _devices[0].Sync());
        Assert.Equal(MSecureErrorCode.SyncNotConfigured, error.Code);
    }

    [Fact]
    public void A_server_that_replays_an_old_envelope_as_a_new_revision_is_SyncTampered_and_nothing_is_written()
    {
        Record record = SharedRecord();
        _devices[0].Update(record.Id, TestVaults.Login("shared", "alice", "two"));
        _devices.Sync(0);
        _devices.Sync(1);
        string before = _devices.WriteMark(1);
        // The server serves revision 1's envelope again as revision 3.
        SyncChangeResponse old = _devices.Server.Log.First(c => c.RecordId == record.Id);
        _devices.Server.Log.Add(old with { Sequence = _devices.Server.Log.Count + 1, Revision = 3 });

        AssertTamperedAndUnchanged(1, before);
    }

    [Fact]
    public void A_server_that_drops_a_change_is_SyncTampered_and_nothing_is_written()
    {
        Record record = SharedRecord();
        _devices.Sync(1);
        _devices[0].Update(record.Id, TestVaults.Login("shared", "alice", "two"));
        _devices[0].Update(record.Id, TestVaults.Login("shared", "alice", "three"));
        _devices.Sync(0);
        string before = _devices.WriteMark(1);
        // Revision 2 removed, revision 3 served at its sequence.
        SyncChangeResponse dropped = _devices.Server.Log.Single(c => c.RecordId == record.Id && c.Revision == 2);
        _devices.Server.ServePage = page => page with { Changes = page.Changes.Where(c => c.ChangeId != dropped.ChangeId).Select(c => c.Revision == 3 ? c with { Sequence = dropped.Sequence } : c).ToList(), NextSequence = page.NextSequence - 1, LatestSequence = page.LatestSequence - 1 };

        AssertTamperedAndUnchanged(1, before);
    }

    [Fact]
    public void A_server_that_swaps_envelopes_between_records_is_SyncTampered_and_nothing_is_written()
    {
        _devices[0].Add(TestVaults.Login("one"));
        _devices[0].Add(TestVaults.Login("two"));
        _devices.Sync(0);
        string before = _devices.WriteMark(1);
        _devices.Server.ServePage = page => page with
        {
            Changes = [page.Changes[0] with { Envelope = page.Changes[1].Envelope }, page.Changes[1] with { Envelope = page.Changes[0].Envelope }],
        };

        AssertTamperedAndUnchanged(1, before);
    }

    [Fact]
    public void A_server_that_serves_another_accounts_envelope_is_SyncTampered_and_nothing_is_written()
    {
        using var other = new SyncDevices(1);
        Record foreign = other[0].Add(TestVaults.Login("foreign"));
        other.Sync(0);
        _devices[0].Add(TestVaults.Login("mine"));
        _devices.Sync(0);
        string before = _devices.WriteMark(1);
        SyncChangeResponse stolen = other.Server.Log.Single();
        _devices.Server.Log.Add(stolen with { Sequence = 2 });

        AssertTamperedAndUnchanged(1, before);
        Assert.NotEqual(Guid.Empty, foreign.Id);
    }

    [Fact]
    public void A_server_whose_sequence_goes_back_is_SyncRolledBack_and_nothing_is_written()
    {
        _devices[0].Add(TestVaults.Login("one"));
        _devices[0].Add(TestVaults.Login("two"));
        _devices.Sync(0);
        _devices.Sync(1);
        string before = _devices.WriteMark(1);
        _devices.Server.RollBackTo(1);

        MSecureException error = Assert.Throws<MSecureException>(() => _devices.Sync(1));

        Assert.Equal(MSecureErrorCode.SyncRolledBack, error.Code);
        Assert.Equal(before, _devices.WriteMark(1));
    }

    [Fact]
    public void A_server_restored_to_before_an_own_push_the_cursor_never_covered_is_SyncRolledBack_and_recovers_on_request()
    {
        _devices[0].Add(TestVaults.Login("one"));
        _devices.Sync(0);
        _devices.Sync(1);
        _devices[1].Add(TestVaults.Login("theirs"));
        _devices.Sync(1);

        // Device 0 pushes without pulling first: its change lands after device 1's, so its cursor
        // cannot move over it; only the highest acknowledged sequence remembers it.
        Record mine = _devices[0].Add(TestVaults.Login("mine"));
        _devices[0].Use(vault =>
        {
            using var envelopes = new SyncEnvelope(vault.Codec.Cipher.Keys.RecordEncryption, vault.AccountId, _devices.Server.Source);
            return new ServerPush(vault, _devices.Server.For(vault.VaultId), envelopes).Run(null);
        });
        _devices.Server.RollBackTo(2);
        string before = _devices.WriteMark(0);

        MSecureException error = Assert.Throws<MSecureException>(() => _devices.Sync(0));
        Assert.Equal(MSecureErrorCode.SyncRolledBack, error.Code);
        Assert.Equal(before, _devices.WriteMark(0));

        SyncResult recovered = _devices[0].Use(vault => ServerSync.Run(vault, _devices.Server.For(vault.VaultId), null, acceptServerRollback: true));
        _devices.Sync(1);

        Assert.True(recovered.Pushed >= 1);
        Assert.Equal("mine", _devices[1].Get(mine.Id).Name);
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
        Assert.Empty(_devices[0].CheckIntegrity());
        Assert.Empty(_devices.Sync(0).Conflicts);
    }

    [Fact]
    public void A_server_that_claims_changes_after_the_cursor_but_serves_none_is_SyncTampered_and_nothing_is_written()
    {
        _devices[0].Add(TestVaults.Login("one"));
        _devices.Sync(0);
        _devices.Sync(1);
        _devices[0].Add(TestVaults.Login("withheld"));
        _devices.Sync(0);
        string before = _devices.WriteMark(1);
        _devices.Server.ServePage = page => page with { Changes = [], NextSequence = 1, HasMore = false };

        MSecureException error = Assert.Throws<MSecureException>(() => _devices.Sync(1));

        Assert.Equal(MSecureErrorCode.SyncTampered, error.Code);
        Assert.Equal(before, _devices.WriteMark(1));
    }

    [Fact]
    public void A_change_hidden_from_one_page_read_is_pulled_when_asked_again()
    {
        _devices[0].Add(TestVaults.Login("one"));
        _devices.Sync(0);
        _devices.Sync(1);
        Record late = _devices[0].Add(TestVaults.Login("late"));
        _devices.Sync(0);
        int hidden = 0;
        _devices.Server.ServePage = page => hidden++ == 0 ? page with { Changes = [], NextSequence = 1, HasMore = false } : page;

        SyncResult result = _devices.Sync(1);

        Assert.Equal(1, result.Pulled);
        Assert.Equal("late", _devices[1].Get(late.Id).Name);
    }

    [Fact]
    public void A_pull_of_several_pages_fetched_ahead_brings_every_record_in_order()
    {
        int records = (2 * AccountProtocol.MaxPullChanges) + 17;
        _devices[0].AddMany(Enumerable.Range(0, records).Select(i => TestVaults.Login("bulk" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        _devices.Sync(0);
        int pullsBefore = _devices.Server.Pulls;

        SyncResult result = _devices.Sync(1);

        Assert.Equal(records, result.Pulled);
        Assert.Equal(3, _devices.Server.Pulls - pullsBefore);
        Assert.Equal(_devices.Snapshot(0), _devices.Snapshot(1));
        Assert.Empty(_devices[1].CheckIntegrity());
    }

    [Fact]
    public void A_sync_that_pushed_but_crashed_before_recording_it_finishes_without_a_conflict()
    {
        Record record = SharedRecord();
        _devices[0].Update(record.Id, TestVaults.Login("shared", "alice", "two"));
        // Push as a crashed sync would have: the server holds it, the outbox does not know.
        _devices[0].Use(vault =>
        {
            using var envelopes = new SyncEnvelope(vault.Codec.Cipher.Keys.RecordEncryption, vault.AccountId, _devices.Server.Source);
            return new ServerPush(vault, _devices.Server.For(vault.VaultId), envelopes).Run(null);
        });
        _devices[0].Use(vault => vault.Write(() => vault.Database.Command("UPDATE sync_outbox SET server_revision = 1;").ExecuteNonQuery()));

        SyncResult result = _devices.Sync(0);

        Assert.Empty(result.Conflicts);
        Assert.Equal(0, result.Pushed);
        Assert.Equal(2, _devices[0].Get(record.Id).Revision);
        Assert.Null(Outbox(0, record.Id));
    }

    private void AssertTamperedAndUnchanged(int device, string before)
    {
        MSecureException error = Assert.Throws<MSecureException>(() => _devices.Sync(device));
        Assert.Equal(MSecureErrorCode.SyncTampered, error.Code);
        Assert.Equal(before, _devices.WriteMark(device));
        Assert.Empty(_devices[device].CheckIntegrity());
    }

    private Record SharedRecord()
    {
        Record record = _devices[0].Add(TestVaults.Login("shared"));
        _devices.Sync(0);
        _devices.Sync(1);
        return record;
    }

    private string PasswordOf(int device, Guid id) => _devices[device].Get(id).Fields.Single(f => f.Label == "Password").Value;

    private long? Outbox(int device, Guid id) => _devices[device].Use(vault => vault.Read(() => SyncOutbox.Find(vault.Database, id)));

    private List<(Guid Change, Guid? Parent, Guid Author, bool Deleted)> Chain(int device, Guid id) => _devices[device].Use(vault => vault.Read(() =>
    {
        using var chain = new LocalChain(vault, null);
        var head = chain.Head(id)!;
        return chain.ReadFrom(head, 1).Select(text =>
        {
            using (text)
            {
                return (text.Change, text.Sync.Parent, text.Sync.Author, text.Deleted);
            }
        }).ToList();
    }));
}
