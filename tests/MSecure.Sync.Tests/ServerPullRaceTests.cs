using System;
using MSecure.Sync.Tests.Support;
using Xunit;

namespace MSecure.Sync.Tests;

/// <summary>
/// The server reads a pull page, then the account's latest sequence, as separate statements; a push
/// that commits in between gives a page without the new change but a latest sequence that counts it.
/// The change must still reach the puller on its next sync.
/// </summary>
public sealed class ServerPullRaceTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public void A_change_committed_between_the_page_and_the_latest_sequence_is_pulled_next_time()
    {
        using var account = new SyncAccount(server.Transport, devices: 2);
        Guid x = account.Add(0, "x", "x1").Id;
        account.Sync(0);
        Assert.Equal(1, account.Sync(1).Pulled);
        account.Edit(0, x, "x2");
        Assert.Equal(1, account.Sync(0).Pushed);

        // What device 1's pull sees in the race: no change after its cursor, yet a latest sequence one higher.
        (string accountId, long sequence, _) = server.Database.Change(x, 2);
        server.Database.Execute("UPDATE sync_changes SET sequence = -sequence WHERE account_id = $a AND sequence = $s;", ("$a", accountId), ("$s", sequence));
        account.Sync(1);

        // The push's row becomes visible, as it is to every later read.
        server.Database.Execute("UPDATE sync_changes SET sequence = -sequence WHERE account_id = $a AND sequence = $s;", ("$a", accountId), ("$s", -sequence));
        account.Sync(1);

        Assert.Equal("x2", TwoDeviceScenario.PasswordOf(account[1].Get(x)));
        TwoDeviceScenario.AssertSame(account);
    }
}
