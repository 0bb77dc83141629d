using System;
using MSecure.Sync.Tests.Support;
using Xunit;

namespace MSecure.Sync.Tests;

/// <summary>
/// The server reads a pull page, then the account's latest sequence, as separate statements; a push
/// that commits in between gives a page without the new change but a latest sequence that counts it.
/// The client asks once more (the engine tests cover the race itself); a server that still serves
/// nothing after the cursor is withholding a change: SyncTampered, nothing written, and the change
/// is pulled once the server serves it.
/// </summary>
public sealed class ServerPullRaceTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public void A_change_counted_but_not_served_is_SyncTampered_and_pulled_once_served()
    {
        using var account = new SyncAccount(server.Transport, devices: 2);
        Guid x = account.Add(0, "x", "x1").Id;
        account.Sync(0);
        Assert.Equal(1, account.Sync(1).Pulled);
        account.Edit(0, x, "x2");
        Assert.Equal(1, account.Sync(0).Pushed);

        // What device 1's pulls see: no change after its cursor, yet a latest sequence one higher.
        (string accountId, long sequence, _) = server.Database.Change(x, 2);
        server.Database.Execute("UPDATE sync_changes SET sequence = -sequence WHERE account_id = $a AND sequence = $s;", ("$a", accountId), ("$s", sequence));
        MSecure.Core.Errors.MSecureException error = Assert.Throws<MSecure.Core.Errors.MSecureException>(() => account.Sync(1));
        Assert.Equal(MSecure.Core.Errors.MSecureErrorCode.SyncTampered, error.Code);
        Assert.Equal("x1", TwoDeviceScenario.PasswordOf(account[1].Get(x)));

        // The push's row becomes visible, as it is to every later read.
        server.Database.Execute("UPDATE sync_changes SET sequence = -sequence WHERE account_id = $a AND sequence = $s;", ("$a", accountId), ("$s", -sequence));
        account.Sync(1);

        Assert.Equal("x2", TwoDeviceScenario.PasswordOf(account[1].Get(x)));
        TwoDeviceScenario.AssertSame(account);
    }
}
