using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MSecure.Core.Records;
using MSecure.Core.Sync;
using MSecure.Core.Vault;

namespace MSecure.SyncBench;

/// <summary>
/// The cases of one transport. Full: device A adds n records in one AddMany (the baseline), pushes
/// them, and each of <c>repeats</c> empty devices (enrolled before A had records) pulls all n.
/// Incremental: A updates 10 records (the baseline), pushes them, and B, holding all n, pulls them;
/// at each vault size, the median of <see cref="IncrementalRepeats"/> rounds.
/// </summary>
internal sealed class SyncCases(IBenchTransport transport, string directory)
{
    private const int Changed = 10;
    private const int IncrementalRepeats = 7;
    private int _accounts;

    /// <summary>The full sync of <paramref name="records"/> and the incremental sync at that size.</summary>
    public void Full(int records, int repeats)
    {
        using Account account = NewAccount();
        List<VaultCreation> empty = [.. Enumerable.Range(0, repeats).Select(_ => account.Enroll())];
        try
        {
            List<RecordDraft> drafts = BenchRecords.Logins(records, "login");
            double addMany = Measure.Milliseconds(() => account.First.Session.AddMany(drafts));
            Measure.PrintBaseline("add-many", records, records, addMany);

            SyncResult pushed = null!;
            double push = Measure.Milliseconds(() => pushed = transport.Sync(account.First.Session));
            Require(pushed.Pushed == records, $"the push sent {pushed.Pushed} of {records} records");
            Measure.PrintSync(transport.Name + "-push", records, records, push, "add_many", addMany);

            var pulls = new List<double>();
            foreach (VaultCreation device in empty)
            {
                SyncResult pulled = null!;
                pulls.Add(Measure.Milliseconds(() => pulled = transport.Sync(device.Session)));
                Require(pulled.Pulled == records, $"the full sync pulled {pulled.Pulled} of {records} records");
            }

            Measure.PrintSync(transport.Name + "-full", records, records, Measure.Median(pulls), "add_many", addMany);
            Incremental(account.First.Session, empty[0].Session, records);
        }
        finally
        {
            empty.ForEach(device => device.Dispose());
        }
    }

    /// <summary>The incremental sync on a vault of <paramref name="records"/> made for it (A adds and pushes, B enrolls and pulls).</summary>
    public void Incremental(int records)
    {
        using Account account = NewAccount();
        account.First.Session.AddMany(BenchRecords.Logins(records, "login"));
        transport.Sync(account.First.Session);
        using VaultCreation second = account.Enroll();
        transport.Sync(second.Session);
        Require(second.Session.Search(new RecordQuery()).Count == records, "the second device does not hold every record");
        Incremental(account.First.Session, second.Session, records);
    }

    private void Incremental(VaultSession first, VaultSession second, int records)
    {
        var random = new Random(records);
        List<Guid> ids = [.. first.Search(new RecordQuery()).Select(summary => summary.Id)];
        var updates = new List<double>();
        var pushes = new List<double>();
        var pulls = new List<double>();
        for (int round = 0; round < IncrementalRepeats; round++)
        {
            List<Guid> chosen = [.. ids.OrderBy(_ => random.Next()).Take(Changed)];
            updates.Add(Measure.Milliseconds(() =>
            {
                foreach (Guid id in chosen)
                {
                    first.Update(id, BenchRecords.Login(first.Get(id).Name, round, string.Create(CultureInfo.InvariantCulture, $"round{round}")));
                }
            }));
            SyncResult pushed = null!, pulled = null!;
            pushes.Add(Measure.Milliseconds(() => pushed = transport.Sync(first)));
            pulls.Add(Measure.Milliseconds(() => pulled = transport.Sync(second)));
            Require(pushed.Pushed == Changed && pulled.Pulled == Changed, $"an incremental round moved {pushed.Pushed} and {pulled.Pulled} changes, not {Changed}");
        }

        double update = Measure.Median(updates);
        Measure.PrintBaseline("update-10", records, Changed, update);
        Measure.PrintSync(transport.Name + "-incremental-push", records, Changed, Measure.Median(pushes), "update_10", update);
        Measure.PrintSync(transport.Name + "-incremental", records, Changed, Measure.Median(pulls), "update_10", update);
    }

    private Account NewAccount() => new(transport, Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{transport.Name}-{_accounts++}")));

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    /// <summary>One account's first device and a way to enroll more, each vault in the account's folder.</summary>
    private sealed class Account : IDisposable
    {
        private readonly IBenchTransport _transport;
        private readonly string _folder;
        private readonly string _email = $"bench-{Guid.NewGuid():N}@example.com";
        private int _devices;

        public Account(IBenchTransport transport, string folder)
        {
            _transport = transport;
            _folder = folder;
            Directory.CreateDirectory(folder);
            First = transport.CreateFirst(NextPath(), _email);
        }

        public VaultCreation First { get; }

        public VaultCreation Enroll() => _transport.Enroll(NextPath(), _email, First.Kit.ToText());

        private string NextPath() => Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"device{_devices++}.msecure"));

        public void Dispose() => First.Dispose();
    }
}
