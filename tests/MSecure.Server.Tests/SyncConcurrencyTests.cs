using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;
using static MSecure.Server.Tests.Infrastructure.SyncRequests;

namespace MSecure.Server.Tests;

/// <summary>Two server instances on one database, pushed to and pulled from at once.</summary>
public sealed class SyncConcurrencyTests
{
    private const int Writers = 4;
    private const int PushesPerWriter = 15;
    private const int ChangesPerPush = 20;
    private const int EditsPerEditor = 20;

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Concurrent_pushes_through_two_instances_get_gap_free_sequences_that_pullers_see_in_order(string database)
    {
        await using TestServer one = await TestServer.StartAsync(database);
        ServerSettings secondSettings = TestServer.DefaultSettings() with
        {
            // SQLite: the same file; PostgreSQL: the same database, another data folder.
            DataDirectory = one.Postgres is null ? one.Settings.DataDirectory : Path.Combine(Path.GetTempPath(), "msecure-server-test-" + Guid.NewGuid().ToString("N")),
            PostgresConnectionString = one.Settings.PostgresConnectionString,
        };
        await using RunningServer two = await MSecureServer.StartAsync(secondSettings, CancellationToken.None);
        using HttpClient httpTwo = PinnedHttpClient.Create(two.BaseAddress, two.CertificateFingerprint);
        ProtocolClient[] instances = [one.Client, new ProtocolClient(httpTwo)];
        using TestAccount account = TestAccount.Create();
        SessionResponse[] devices = [await one.Client.RegisterOkAsync(account, "one"), await instances[1].SignInOkAsync(account, null, "two")];

        var pushed = new ConcurrentDictionary<Guid, long>();
        using var done = new CancellationTokenSource();
        Task[] writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (int p = 0; p < PushesPerWriter; p++)
            {
                PushChange[] batch = Enumerable.Range(0, ChangesPerPush).Select(_ => Change(Guid.NewGuid(), 0)).ToArray();
                PushChangesResponse response = await instances[(w + p) % 2].PushOkAsync(devices[w % 2].Token, batch);
                foreach (PushResult result in response.Results)
                {
                    Assert.Equal(SyncOutcomes.Accepted, result.Outcome);
                    Assert.True(pushed.TryAdd(result.ChangeId, result.Sequence!.Value));
                }
            }
        })).ToArray();

        // Two editors race on one record through different instances, rebasing on every conflict.
        Guid shared = Guid.NewGuid();
        Task[] editors = Enumerable.Range(0, 2).Select(e => Task.Run(async () =>
        {
            long head = 0;
            for (int accepted = 0; accepted < EditsPerEditor;)
            {
                PushChange edit = Change(shared, head);
                PushResult result = Assert.Single((await instances[e].PushOkAsync(devices[e].Token, edit)).Results);
                if (result.Outcome == SyncOutcomes.Accepted)
                {
                    Assert.True(pushed.TryAdd(edit.ChangeId, result.Sequence!.Value));
                    head = result.Revision!.Value;
                    accepted++;
                }
                else
                {
                    Assert.Equal(SyncOutcomes.Conflict, result.Outcome);
                    head = result.Current!.Revision;
                }
            }
        })).ToArray();

        // Meanwhile a puller on both instances must only ever see the next sequences, never one past a gap.
        int pages = 0;
        Task puller = Task.Run(async () =>
        {
            long cursor = 0;
            for (int i = 0; !done.IsCancellationRequested; i++)
            {
                PullChangesResponse page = await instances[i % 2].PullOkAsync(devices[i % 2].Token, cursor, 37);
                AssertContinues(page, cursor);
                cursor = page.NextSequence;
                pages++;
            }
        });

        try
        {
            await Task.WhenAll(writers.Concat(editors));
        }
        finally
        {
            await done.CancelAsync();
            await puller;
        }

        int expected = (Writers * PushesPerWriter * ChangesPerPush) + (2 * EditsPerEditor);
        List<SyncChangeResponse> log = await instances[1].PullAllAsync(devices[0].Token);
        Assert.Equal(Enumerable.Range(1, expected).Select(i => (long)i), log.Select(c => c.Sequence));
        Assert.Equal(pushed.OrderBy(p => p.Value).Select(p => p.Key), log.Select(c => c.ChangeId));
        Assert.Equal(Enumerable.Range(1, 2 * EditsPerEditor).Select(i => (long)i), log.Where(c => c.RecordId == shared).Select(c => c.Revision));
        Assert.True(pages > 0);

        if (one.Postgres is not null)
        {
            Directory.Delete(secondSettings.DataDirectory, recursive: true);
        }
    }
}
