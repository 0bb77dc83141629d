using System;
using MSecure.Core.Errors;
using MSecure.Sync.Tests.Support;
using Xunit;

namespace MSecure.Sync.Tests;

/// <summary>
/// A server that lies, through its own database: device 1 has synced x, y, z at revision 1
/// (sequences 1–3); device 0 then pushed x r2, x r3 and y r2 (4–6, a record's revisions together). Each test changes the
/// server's rows, then device 1 syncs: the exact error, and its vault file is unchanged row for
/// row (nothing of the page, not even the genuine changes in it, is written).
/// </summary>
public sealed class ServerTamperTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public void Server_replaying_an_old_envelope_as_a_newer_revision_is_SyncTampered()
    {
        using Setup setup = new(server);
        byte[] old = server.Database.Change(setup.X, 1).Envelope;
        server.Database.Execute("UPDATE sync_changes SET envelope = $e WHERE lower(record_id) = lower($r) AND revision = 2;", ("$e", old), ("$r", setup.X.ToString()));

        setup.AssertDevice1Refuses(MSecureErrorCode.SyncTampered);
    }

    [Fact]
    public void Server_replaying_an_old_change_whole_as_a_newer_revision_is_SyncTampered()
    {
        using Setup setup = new(server);
        (string account, long first, byte[] envelope) = server.Database.Change(setup.X, 1);
        (_, long third, _) = server.Database.Change(setup.X, 3);
        string change = (string)server.Database.Scalar("SELECT change_id FROM sync_changes WHERE account_id = $a AND sequence = $s;", ("$a", account), ("$s", first))!;
        // x r3 becomes x r1's change, its id and envelope (authentic, but old); the row device 1 already holds gives its id up.
        server.Database.Execute("UPDATE sync_changes SET change_id = $n WHERE account_id = $a AND sequence = $s;",
            ("$n", Guid.NewGuid().ToString()), ("$a", account), ("$s", first));
        server.Database.Execute("UPDATE sync_changes SET change_id = $c, envelope = $e WHERE account_id = $a AND sequence = $s;",
            ("$c", change), ("$e", envelope), ("$a", account), ("$s", third));

        setup.AssertDevice1Refuses(MSecureErrorCode.SyncTampered);
    }

    [Fact]
    public void Server_dropping_a_change_and_closing_the_gap_is_SyncTampered()
    {
        using Setup setup = new(server);
        (string account, long dropped, _) = server.Database.Change(setup.X, 2);
        server.Database.Execute("DELETE FROM sync_changes WHERE account_id = $a AND sequence = $s;", ("$a", account), ("$s", dropped));
        server.Database.Execute("UPDATE sync_changes SET sequence = sequence - 1 WHERE account_id = $a AND sequence > $s;", ("$a", account), ("$s", dropped));
        server.Database.Execute("UPDATE sync_sequences SET last_sequence = last_sequence - 1 WHERE account_id = $a;", ("$a", account));

        setup.AssertDevice1Refuses(MSecureErrorCode.SyncTampered);
    }

    [Fact]
    public void Server_dropping_a_change_and_leaving_the_gap_is_SyncTampered()
    {
        using Setup setup = new(server);
        // The middle one of device 0's three changes (their order follows the outbox, not the edits).
        string account = server.Database.Change(setup.X, 3).Account;
        long dropped = server.Database.LastSequence(account) - 1;
        server.Database.Execute("DELETE FROM sync_changes WHERE account_id = $a AND sequence = $s;", ("$a", account), ("$s", dropped));

        setup.AssertDevice1Refuses(MSecureErrorCode.SyncTampered);
    }

    [Fact]
    public void Server_swapping_envelopes_between_records_is_SyncTampered()
    {
        using Setup setup = new(server);
        byte[] x2 = server.Database.Change(setup.X, 2).Envelope;
        byte[] y2 = server.Database.Change(setup.Y, 2).Envelope;
        server.Database.Execute("UPDATE sync_changes SET envelope = $e WHERE lower(record_id) = lower($r) AND revision = 2;", ("$e", y2), ("$r", setup.X.ToString()));
        server.Database.Execute("UPDATE sync_changes SET envelope = $e WHERE lower(record_id) = lower($r) AND revision = 2;", ("$e", x2), ("$r", setup.Y.ToString()));

        setup.AssertDevice1Refuses(MSecureErrorCode.SyncTampered);
    }

    [Fact]
    public void Server_swapping_record_ids_between_changes_is_SyncTampered()
    {
        using Setup setup = new(server);
        (string account, long x2, _) = server.Database.Change(setup.X, 2);
        (_, long y2, _) = server.Database.Change(setup.Y, 2);
        // Through a placeholder id: (record, revision) is unique.
        server.Database.Execute("UPDATE sync_changes SET record_id = 'swapping' WHERE account_id = $a AND sequence = $s;", ("$a", account), ("$s", x2));
        server.Database.Execute("UPDATE sync_changes SET record_id = $r WHERE account_id = $a AND sequence = $s;", ("$r", setup.X.ToString()), ("$a", account), ("$s", y2));
        server.Database.Execute("UPDATE sync_changes SET record_id = $r WHERE account_id = $a AND sequence = $s;", ("$r", setup.Y.ToString()), ("$a", account), ("$s", x2));

        setup.AssertDevice1Refuses(MSecureErrorCode.SyncTampered);
    }

    [Fact]
    public void Server_serving_another_accounts_change_is_SyncTampered()
    {
        using Setup setup = new(server);
        (string otherAccount, long otherSequence, _) = server.Database.Change(ForeignRecord(), 1);
        (string account, long x2, _) = server.Database.Change(setup.X, 2);

        // Sequence 4 of this account becomes the other account's change, ids, revision and envelope.
        server.Database.Execute("DELETE FROM sync_changes WHERE account_id = $a AND sequence = $s;", ("$a", account), ("$s", x2));
        server.Database.Execute(
            "INSERT INTO sync_changes (account_id, sequence, record_id, revision, change_id, deleted, device_id, envelope, created_at) "
            + "SELECT $a, $s, record_id, revision, change_id, deleted, device_id, envelope, created_at FROM sync_changes WHERE account_id = $o AND sequence = $os;",
            ("$a", account), ("$s", x2), ("$o", otherAccount), ("$os", otherSequence));

        setup.AssertDevice1Refuses(MSecureErrorCode.SyncTampered);
    }

    [Fact]
    public void Server_serving_another_accounts_envelope_under_this_accounts_ids_is_SyncTampered()
    {
        using Setup setup = new(server);
        byte[] envelope = server.Database.Change(ForeignRecord(), 1).Envelope;
        server.Database.Execute("UPDATE sync_changes SET envelope = $e WHERE lower(record_id) = lower($r) AND revision = 2;", ("$e", envelope), ("$r", setup.X.ToString()));

        setup.AssertDevice1Refuses(MSecureErrorCode.SyncTampered);
    }

    [Fact]
    public void Server_restored_from_an_older_backup_is_SyncRolledBack()
    {
        using Setup setup = new(server);
        setup.Account.Sync(1);
        (string account, long x2, _) = server.Database.Change(setup.X, 2);
        // As if the server's database were restored to just before device 0's second push.
        server.Database.Execute("DELETE FROM sync_changes WHERE account_id = $a AND sequence >= $s;", ("$a", account), ("$s", x2));
        server.Database.Execute("UPDATE sync_sequences SET last_sequence = $s WHERE account_id = $a;", ("$s", x2 - 1), ("$a", account));

        setup.AssertDevice1Refuses(MSecureErrorCode.SyncRolledBack);
    }

    [Fact]
    public void Untampered_setup_syncs_cleanly()
    {
        // The control: the same setup with no tampering syncs, so the refusals above are the tampering's.
        using Setup setup = new(server);
        Assert.Equal(3, setup.Account.Sync(1).Pulled);
        TwoDeviceScenario.AssertSame(setup.Account);
    }

    /// <summary>A record another account (its own key) pushed to the same server.</summary>
    private Guid ForeignRecord()
    {
        using var other = new SyncAccount(server.Transport, devices: 1);
        Guid foreign = other.Add(0, "foreign", "not yours").Id;
        other.Sync(0);
        return foreign;
    }

    /// <summary>The state every tamper test starts from (see the class summary).</summary>
    private sealed class Setup : IDisposable
    {
        public Setup(SqliteServerFixture server)
        {
            Account = new SyncAccount(server.Transport, devices: 2);
            X = Account.Add(0, "x", "x1").Id;
            Y = Account.Add(0, "y", "y1").Id;
            Account.Add(0, "z", "z1");
            Account.Sync(0);
            Assert.Equal(3, Account.Sync(1).Pulled);
            Account.Edit(0, X, "x2");
            Account.Edit(0, Y, "y2");
            Account.Edit(0, X, "x3");
            Assert.Equal(3, Account.Sync(0).Pushed);
        }

        public SyncAccount Account { get; }

        public Guid X { get; }

        public Guid Y { get; }

        /// <summary>Device 1's sync fails with <paramref name="expected"/>; its vault is unchanged, intact, and fails the same way again.</summary>
        public void AssertDevice1Refuses(MSecureErrorCode expected)
        {
            string before = VaultContents.Raw(Account.PathOf(1));
            MSecureException exception = Assert.Throws<MSecureException>(() => Account.Sync(1));
            Assert.Equal(expected, exception.Code);
            Assert.Equal(before, VaultContents.Raw(Account.PathOf(1)));
            Assert.Empty(Account[1].CheckIntegrity());
            Assert.Equal(expected, Assert.Throws<MSecureException>(() => Account.Sync(1)).Code);
            Assert.Equal(before, VaultContents.Raw(Account.PathOf(1)));
        }

        public void Dispose() => Account.Dispose();
    }
}
