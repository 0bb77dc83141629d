using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MSecure.Core.Records;
using MSecure.Core.Sync;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Sync.Tests.Support;

/// <summary>
/// The end-to-end story, the same for every transport: two devices edit, add and remove
/// on both sides and sync in both orders; both edit one record (both versions survive, the result
/// names it); one removes what the other edits (the edit stays); a third device enrolls and holds
/// the same set. After each step both devices hold identical records, revisions and plaintext.
/// </summary>
internal static class TwoDeviceScenario
{
    public static void Run(ISyncTransport transport)
    {
        using var account = new SyncAccount(transport, devices: 2);

        // Device 0 starts; device 1 pulls it all.
        Guid a = account.Add(0, "alpha", "a1").Id;
        Guid b = account.Add(0, "bravo", "b1").Id;
        Guid c = account.Add(0, "charlie", "c1").Id;
        Guid g = account.Add(0, "golf", "g1").Id;
        Assert.Equal(4, account.Sync(0).Pushed);
        SyncResult first = account.Sync(1);
        Assert.Equal(4, first.Pulled);
        Assert.Empty(first.Conflicts);
        AssertSame(account);

        // Both sides change different records; device 1 syncs first.
        account.Edit(0, a, "a2");
        Guid d = account.Add(0, "delta", "d1").Id;
        account[0].Remove(b);
        account.Edit(1, c, "c2");
        Guid e = account.Add(1, "echo", "e1").Id;
        account[1].Remove(g);
        Assert.Equal(3, account.Sync(1).Pushed);
        SyncResult zeroPulls = account.Sync(0);
        Assert.Equal(3, zeroPulls.Pulled);
        Assert.Equal(3, zeroPulls.Pushed);
        Assert.Empty(zeroPulls.Conflicts);
        Assert.Equal(3, account.Sync(1).Pulled);
        AssertSame(account);
        AssertLive(account, (a, "a2"), (c, "c2"), (d, "d1"), (e, "e1"));
        AssertRemoved(account, b, g);

        // The other order: device 0 first.
        account.Edit(1, d, "d2");
        Guid f = account.Add(1, "foxtrot", "f1").Id;
        account[1].Remove(e);
        account.Edit(0, c, "c3");
        Guid h = account.Add(0, "hotel", "h1").Id;
        Assert.Equal(2, account.Sync(0).Pushed);
        SyncResult onePulls = account.Sync(1);
        Assert.Equal(2, onePulls.Pulled);
        Assert.Equal(3, onePulls.Pushed);
        Assert.Equal(3, account.Sync(0).Pulled);
        AssertSame(account);
        AssertLive(account, (a, "a2"), (c, "c3"), (d, "d2"), (f, "f1"), (h, "h1"));
        AssertRemoved(account, b, g, e);

        // Both edit alpha: device 1's edit is the later one, so it wins everywhere; device 0's stays in history.
        account.Edit(0, a, "a-from-0");
        Thread.Sleep(20);
        account.Edit(1, a, "a-from-1");
        account.Sync(0);
        SyncResult conflicted = account.Sync(1);
        SyncConflict conflict = Assert.Single(conflicted.Conflicts);
        Assert.Equal(a, conflict.RecordId);
        Assert.False(string.IsNullOrWhiteSpace(conflict.Resolution));
        account.SyncUntilQuiet();
        AssertSame(account);
        AssertLive(account, (a, "a-from-1"));
        for (int device = 0; device < 2; device++)
        {
            Assert.Contains("a-from-0", account[device].GetHistory(a).Select(PasswordOf));
        }

        // Device 0 removes hotel while device 1 edits it: the edit survives, on both.
        account[0].Remove(h);
        account.Edit(1, h, "h-edited");
        account.Sync(0);
        SyncResult editAgainstDelete = account.Sync(1);
        Assert.Contains(editAgainstDelete.Conflicts, x => x.RecordId == h);
        account.SyncUntilQuiet();
        AssertSame(account);
        AssertLive(account, (h, "h-edited"));

        // A third device enrolls and holds the same set.
        int third = account.AddDevice();
        Assert.NotNull(account.InitialSync(third));
        Assert.True(account.InitialSync(third)!.Pulled > 0);
        AssertSame(account);
        Assert.Equal(account[0].Search(new RecordQuery()).Count, account[third].Search(new RecordQuery()).Count);
    }

    /// <summary>Every device holds exactly device 0's records, revisions, plaintext and history.</summary>
    public static void AssertSame(SyncAccount account)
    {
        List<string> expected = VaultContents.Records(account[0], account.PathOf(0));
        for (int device = 1; device < account.Count; device++)
        {
            List<string> actual = VaultContents.Records(account[device], account.PathOf(device));
            Assert.True(expected.SequenceEqual(actual),
                $"device {device} differs from device 0:{Environment.NewLine}device 0:{Environment.NewLine}{string.Join(Environment.NewLine, expected)}"
                + $"{Environment.NewLine}device {device}:{Environment.NewLine}{string.Join(Environment.NewLine, actual)}");
        }
    }

    private static void AssertLive(SyncAccount account, params (Guid Id, string Password)[] records)
    {
        for (int device = 0; device < account.Count; device++)
        {
            foreach ((Guid id, string password) in records)
            {
                Assert.Equal(password, PasswordOf(account[device].Get(id)));
            }
        }
    }

    private static void AssertRemoved(SyncAccount account, params Guid[] ids)
    {
        for (int device = 0; device < account.Count; device++)
        {
            var live = account[device].Search(new RecordQuery()).Select(summary => summary.Id).ToHashSet();
            Assert.All(ids, id => Assert.DoesNotContain(id, live));
        }
    }

    public static string? PasswordOf(Record record) => record.GetField("Password")?.Value;
}
