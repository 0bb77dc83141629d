using System;
using MSecure.Core.Tests.Vault;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using MSecure.Sync.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Sync.Tests;

/// <summary>
/// Device 1 syncs in its own process (the test worker's <c>sync</c> verb; with the server, or through
/// a folder), killed with SIGKILL at
/// a random point: a random delay after it starts syncing, or right at a random progress report.
/// Each trial first gives both devices new records, edits (some of the same records: conflicts) and
/// removals. There are 20 trials, and more until 10 kills have landed inside a sync (a sync may finish
/// before its kill, more often on a loaded machine), 40 at most. After each kill the next sync completes, then both devices hold the
/// same set: exactly the records expected live (none lost, none twice), every value written in some
/// version, and both vaults pass the integrity checks (file and unlocked). Every fifth trial also
/// compares every version's plaintext on both devices and looks for every value written.
/// </summary>
public sealed class KillMidSyncTests(SqliteServerFixture server, ITestOutputHelper output) : IClassFixture<SqliteServerFixture>
{
    private const int Trials = 20;

    /// <summary>Kills that must land inside a sync; trials go on past <see cref="Trials"/> until they have, up to <see cref="MaximumTrials"/>.</summary>
    private const int MidSyncKills = 10;

    private const int MaximumTrials = 40;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public void Server_sync_killed_at_random_points_completes_next_time_with_nothing_lost_or_duplicated()
    {
        using var account = new SyncAccount(server.Transport, devices: 2);
        Run(account, folder: null);
    }

    [Fact]
    public void Folder_sync_killed_at_random_points_completes_next_time_with_nothing_lost_or_duplicated()
    {
        using var account = new SyncAccount(new FolderTransport(), devices: 2);
        Run(account, account.SharedFolder);
    }

    /// <summary>The trials; the worker syncs through <paramref name="folder"/> when given, else with the server.</summary>
    private void Run(SyncAccount account, string? folder)
    {
        int seed = Environment.TickCount;
        var random = new Random(seed);
        var live = new HashSet<Guid>();
        var own = new[] { new List<Guid>(), new List<Guid>() };
        var written = new HashSet<string>(StringComparer.Ordinal);
        int killedMidSync = 0, finishedFirst = 0, value = 0;
        // How long a worker's sync takes, from "syncing" to "synced": the random delays are drawn below it.
        int typicalMilliseconds = 400;
        string Next() => string.Create(CultureInfo.InvariantCulture, $"v{value++}");

        int trial = 0;
        for (; trial < Trials || (killedMidSync < MidSyncKills && trial < MaximumTrials); trial++)
        {
            // Device 0 (this process): adds, edits and removals of its own records, pushed.
            List<Guid> device1Holds = [.. own[0].Where(live.Contains)];
            Change(account, 0, trial, random.Next(100, 250), own[0], live, written, Next, random);
            account.Sync(0);

            // Device 1: its own changes, plus edits of device 0's records (conflicts with device 0's edits).
            account.Reopen(1);
            Change(account, 1, trial, random.Next(30, 100), own[1], live, written, Next, random);
            foreach (Guid id in device1Holds.Where(live.Contains).OrderBy(_ => random.Next()).Take(5))
            {
                string text = Next();
                account.Edit(1, id, text);
                written.Add(text);
            }

            account.Close(1);
            (bool killed, string how) = SyncAndKill(account.PathOf(1), folder, random, ref typicalMilliseconds);
            if (killed)
            {
                killedMidSync++;
            }
            else
            {
                finishedFirst++;
            }

            // The next sync completes; then both devices converge on exactly the expected set.
            account.Reopen(1);
            account.Sync(1);
            account.SyncUntilQuiet();
            string context = $"seed {seed}, trial {trial}, killed {how}";
            AssertConverged(account, live, written, context, everything: trial % 5 == 4);
        }

        output.WriteLine($"{account.Transport.Name}: seed={seed} trials={trial} killed_mid_sync={killedMidSync} finished_before_the_kill={finishedFirst} records={live.Count}");
        Assert.True(killedMidSync >= MidSyncKills, $"too few kills landed inside a sync ({killedMidSync} of {trial}, seed {seed})");
    }

    /// <summary>Adds <paramref name="adds"/> records (one batch), edits a few and removes a few of <paramref name="device"/>'s own records.</summary>
    private static void Change(SyncAccount account, int device, int trial, int adds, List<Guid> own, HashSet<Guid> live, HashSet<string> written,
        Func<string> next, Random random)
    {
        var drafts = new List<RecordDraft>();
        for (int i = 0; i < adds; i++)
        {
            string text = next();
            written.Add(text);
            drafts.Add(SyncAccount.Login(string.Create(CultureInfo.InvariantCulture, $"d{device} t{trial} n{i}"), text));
        }

        foreach (Record record in account[device].AddMany(drafts))
        {
            own.Add(record.Id);
            live.Add(record.Id);
        }

        List<Guid> older = [.. own.Where(live.Contains).Take(own.Count - adds).OrderBy(_ => random.Next())];
        foreach (Guid id in older.Take(10))
        {
            string text = next();
            account.Edit(device, id, text);
            written.Add(text);
        }

        // Removed only by their owner; device 1 then edits only device 0's records still live.
        foreach (Guid id in older.Skip(10).Take(3))
        {
            account[device].Remove(id);
            live.Remove(id);
        }
    }

    /// <summary>
    /// Runs the worker's sync and kills it at a random point; whether the kill came before "synced".
    /// A sync that finishes before its delay sets <paramref name="typicalMilliseconds"/> to its duration,
    /// so that later delays fall inside a sync.
    /// </summary>
    private static (bool Killed, string How) SyncAndKill(string vault, string? folder, Random random, ref int typicalMilliseconds)
    {
        using VaultWorkerProcess worker = VaultWorkerProcess.StartSync(vault, folder);
        string? line = worker.ReadLine(Patience);
        Assert.True(line == "syncing", $"the worker did not start syncing: {line} {worker.Errors}");
        string how;
        if (random.Next(2) == 0)
        {
            int delay = random.Next(0, typicalMilliseconds);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (long left = delay; left > 0; left = delay - clock.ElapsedMilliseconds)
            {
                string? next = worker.ReadLine(TimeSpan.FromMilliseconds(left));
                if (next is null)
                {
                    break; // the delay is over, or the output ended
                }

                if (next.StartsWith("synced", StringComparison.Ordinal))
                {
                    line = next;
                    typicalMilliseconds = Math.Max(10, (int)clock.ElapsedMilliseconds);
                    break;
                }
            }

            how = string.Create(CultureInfo.InvariantCulture, $"{delay} ms after it started");
        }
        else
        {
            int reports = random.Next(1, 5);
            for (int i = 0; i < reports && line is not null && !line.StartsWith("synced", StringComparison.Ordinal); i++)
            {
                line = worker.ReadLine(Patience);
            }

            how = string.Create(CultureInfo.InvariantCulture, $"at progress report {reports} ({line})");
        }

        worker.Kill();
        int exitCode = worker.WaitForExit(Patience);
        var rest = new List<string>();
        while (worker.ReadLine(TimeSpan.FromSeconds(5)) is { } more)
        {
            rest.Add(more);
        }

        bool finished = exitCode == 0 || (line?.StartsWith("synced", StringComparison.Ordinal) ?? false) || rest.Any(l => l.StartsWith("synced", StringComparison.Ordinal));
        Assert.True(finished || exitCode != 1, $"the worker's sync failed before the kill: {worker.Errors}");
        return (!finished, how);
    }

    /// <summary>Live sets and integrity after every trial; every version's plaintext compared (and every value looked for) when <paramref name="everything"/>.</summary>
    private static void AssertConverged(SyncAccount account, HashSet<Guid> live, HashSet<string> written, string context, bool everything)
    {
        for (int device = 0; device < 2; device++)
        {
            var ids = account[device].Search(new RecordQuery()).Select(summary => summary.Id).ToList();
            Assert.True(ids.Count == ids.Distinct().Count() && live.SetEquals(ids),
                $"{context}: device {device} holds {ids.Count} live records, expected {live.Count}; missing {live.Except(ids).Count()}, unexpected {ids.Except(live).Count()}");
            using (VaultFile file = VaultFile.Open(account.PathOf(device)))
            {
                Assert.Empty(file.CheckIntegrity());
            }

            Assert.Empty(account[device].CheckIntegrity());
        }

        if (!everything)
        {
            return;
        }

        TwoDeviceScenario.AssertSame(account);
        HashSet<string> held = VaultContents.PasswordValues(account[0], account.PathOf(0));
        string[] missing = written.Where(text => !held.Contains(text)).ToArray();
        Assert.True(missing.Length == 0, $"{context}: {missing.Length} written values are in no version: {string.Join(", ", missing.Take(10))}");
    }
}
