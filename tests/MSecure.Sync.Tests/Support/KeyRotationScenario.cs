using System;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Sync;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Sync.Tests.Support;

/// <summary>
/// Reset-MSecureAccountKey through sync: device 0 rotates the Account Key and syncs (everything
/// again, under the new key); device 1, still on the old key, gets AccountKeyRotated and keeps its
/// records; a device enrolled from the new kit receives every record, exactly as device 0 holds it.
/// </summary>
internal static class KeyRotationScenario
{
    public static void Run(ISyncTransport transport)
    {
        using var account = new SyncAccount(transport, devices: 2);
        Guid a = account.Add(0, "alpha", "a1").Id;
        account.Add(0, "bravo", "b1");
        account.Add(1, "charlie", "c1");
        account.SyncUntilQuiet();
        account.Edit(1, a, "a2");
        account.SyncUntilQuiet();
        var device1Before = VaultContents.Records(account[1], account.PathOf(1));

        EmergencyKit newKit = account[0].RotateAccountKey(SyncAccount.Password);
        SyncResult afterRotation = account.Sync(0);
        Assert.Empty(afterRotation.Conflicts);

        MSecureException stale = Assert.Throws<MSecureException>(() => account.Sync(1));
        Assert.Equal(MSecureErrorCode.AccountKeyRotated, stale.Code);
        Assert.Equal(device1Before, VaultContents.Records(account[1], account.PathOf(1)));

        string path = account.PathOf(9);
        using VaultCreation fresh = transport.Enroll(path, account.Email, newKit.ToText(), "device9", account.SharedFolder);
        Assert.NotNull(fresh.InitialSync);
        Assert.Equal(3, fresh.Session.Search(new Core.Records.RecordQuery()).Count);
        var expected = VaultContents.Records(account[0], account.PathOf(0));
        var actual = VaultContents.Records(fresh.Session, path);
        Assert.True(expected.SequenceEqual(actual),
            $"the device enrolled after the rotation differs:{Environment.NewLine}{string.Join(Environment.NewLine, expected)}{Environment.NewLine}---{Environment.NewLine}{string.Join(Environment.NewLine, actual)}");
    }
}
