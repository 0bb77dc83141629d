using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using Xunit;
using Xunit.Abstractions;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Vault;

/// <summary>
/// Real processes sharing one vault the way people and pipelines do: one process holds a session
/// (a PowerShell window) and keeps writing and re-opening the vault, while short-lived processes
/// unlock, write and exit beside it, and any of them may be killed with SIGKILL at any moment.
/// Every write a process acknowledged must be in the vault afterwards, exactly as acknowledged.
/// </summary>
public sealed class ConcurrentSessionsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly VaultTestDirectory _directory = new();
    private readonly ITestOutputHelper _output;

    public ConcurrentSessionsTests(ITestOutputHelper output)
    {
        _output = output;
        TestVaults.Create(_directory.VaultPath).Dispose();
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Seconds of churn; MSECURE_CHURN_SECONDS runs it longer.</summary>
    private static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("MSECURE_CHURN_SECONDS"), out int seconds) ? seconds : 40);

    [Fact]
    public void ASessionHeldWhileOthersComeGoAndAreKilled_LosesNoAcknowledgedWrite()
    {
        int seed = Environment.TickCount;
        var random = new Random(seed);
        var ledger = new AcknowledgementLedger();
        var failures = new List<string>();
        int generation = 0;
        string NextName(string role) => string.Create(CultureInfo.InvariantCulture, $"{role}{generation++}");

        var clock = Stopwatch.StartNew();
        string holderName = NextName("holder");
        VaultWorkerProcess holder = StartReady(holderName, 1_000_000, random.Next(), 4);
        int rounds = 0;
        try
        {
            while (clock.Elapsed < Duration)
            {
                rounds++;
                var visitors = new List<(string Name, VaultWorkerProcess Process, int KillAfterMs)>();
                for (int i = random.Next(1, 3); i > 0; i--)
                {
                    string name = NextName("visitor");
                    visitors.Add((name, VaultWorkerProcess.StartChurn(_directory.VaultPath, name, random.Next(20, 200), random.Next(), 1),
                        random.Next(2) == 0 ? random.Next(100, 1500) : -1));
                }

                var roundClock = Stopwatch.StartNew();
                foreach ((string name, VaultWorkerProcess process, int killAfter) in visitors)
                {
                    if (killAfter >= 0)
                    {
                        Thread.Sleep(Math.Max(0, killAfter - (int)roundClock.ElapsedMilliseconds));
                        process.Kill();
                    }

                    Collect(ledger, failures, name, process, killed: killAfter >= 0);
                    process.Dispose();
                }

                if (random.Next(3) == 0)
                {
                    holder.Kill();
                    Collect(ledger, failures, holderName, holder, killed: true);
                    holder.Dispose();
                    holderName = NextName("holder");
                    holder = StartReady(holderName, 1_000_000, random.Next(), 4);
                }
            }
        }
        finally
        {
            holder.Kill();
            Collect(ledger, failures, holderName, holder, killed: true);
            holder.Dispose();
        }

        ChurnOutcome outcome = Verify(ledger);
        string summary = string.Format(CultureInfo.InvariantCulture,
            "seed={0} rounds={1} processes={2} killed={3} acknowledged={4} records={5} lost={6} wrong={7} unexpected={8} worker_errors={9} seconds={10:F1}",
            seed, rounds, ledger.Workers, ledger.KilledWorkers, ledger.Operations, ledger.Records.Count, outcome.Lost, outcome.Wrong,
            outcome.Unexpected, failures.Count, clock.Elapsed.TotalSeconds);
        _output.WriteLine(summary);
        Assert.True(failures.Count == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, failures));
        Assert.True(outcome.Lost == 0 && outcome.Wrong == 0 && outcome.Unexpected == 0,
            summary + Environment.NewLine + string.Join(Environment.NewLine, outcome.Details.Take(20)));
        Assert.True(ledger.Operations >= 1000, "too few operations to mean anything: " + summary);
    }

    private VaultWorkerProcess StartReady(string name, int operations, int seed, int pause)
    {
        VaultWorkerProcess process = VaultWorkerProcess.StartChurn(_directory.VaultPath, name, operations, seed, pause);
        string? first = process.ReadLine(Patience);
        return first == "ready" ? process : throw new InvalidOperationException($"{name} did not start: {first} {process.Errors}");
    }

    private static void Collect(AcknowledgementLedger ledger, List<string> failures, string name, VaultWorkerProcess process, bool killed)
    {
        int exitCode = process.WaitForExit(Patience);
        string[] lines = process.ReadToEnd(TimeSpan.FromSeconds(10));
        ledger.Add(name, lines);
        if (!killed && exitCode != 0)
        {
            failures.Add($"{name} exited with {exitCode}: {process.Errors}");
        }
    }

    /// <summary>Compares the vault, opened afresh, with what the workers acknowledged.</summary>
    private ChurnOutcome Verify(AcknowledgementLedger ledger)
    {
        var outcome = new ChurnOutcome();
        using VaultFile file = VaultFile.Open(_directory.VaultPath);
        Assert.Empty(file.CheckIntegrity());
        using VaultSession session = file.Unlock(TestVaults.Password);
        Assert.Empty(session.CheckIntegrity());
        Dictionary<Guid, RecordSummary> live = session.Search(new RecordQuery()).ToDictionary(summary => summary.Id);

        foreach ((Guid id, AcknowledgementLedger.Entry acknowledged) in ledger.Records)
        {
            bool killed = ledger.WasKilled(acknowledged.Worker);
            long current = live.TryGetValue(id, out RecordSummary? summary) ? summary.Revision : TombstoneRevision(session, id);
            if (current < acknowledged.Revision)
            {
                outcome.Lost += current <= 0 ? acknowledged.Acknowledged : (int)(acknowledged.Revision - current);
                outcome.Details.Add($"{id} ({acknowledged.Worker}): acknowledged revision {acknowledged.Revision}, found {current}");
            }
            else if (current > acknowledged.Revision + (killed ? 1 : 0))
            {
                outcome.Wrong++;
                outcome.Details.Add($"{id} ({acknowledged.Worker}): acknowledged revision {acknowledged.Revision}, found {current}");
            }
            else if (current == acknowledged.Revision && !Matches(session, id, acknowledged, live.ContainsKey(id)))
            {
                outcome.Wrong++;
                outcome.Details.Add($"{id} ({acknowledged.Worker}): content differs from revision {acknowledged.Revision} as acknowledged");
            }

            live.Remove(id);
        }

        // Left: records nobody acknowledged. Only a killed worker's last, unacknowledged add may be there.
        foreach (IGrouping<string, RecordSummary> group in live.Values.GroupBy(summary => summary.Name.Split(' ')[0]))
        {
            if (!ledger.WasKilled(group.Key) || group.Count() > 1)
            {
                outcome.Unexpected += group.Count();
                outcome.Details.Add($"{group.Count()} unacknowledged record(s) of {group.Key}");
            }
        }

        return outcome;
    }

    private static bool Matches(VaultSession session, Guid id, AcknowledgementLedger.Entry acknowledged, bool isLive)
    {
        if (acknowledged.Deleted)
        {
            return !isLive;
        }

        Record record = session.Get(id);
        return isLive && record.GetField("Password")?.Value == acknowledged.Value;
    }

    /// <summary>A removed record's revision (its newest history entry plus one), or 0 when the vault has no such record.</summary>
    private static long TombstoneRevision(VaultSession session, Guid id)
    {
        try
        {
            IReadOnlyList<Record> history = session.GetHistory(id);
            return history.Count == 0 ? 0 : history[0].Revision + 1;
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.RecordNotFound)
        {
            return 0;
        }
    }

    private sealed class ChurnOutcome
    {
        public int Lost { get; set; }

        public int Wrong { get; set; }

        public int Unexpected { get; set; }

        public List<string> Details { get; } = [];
    }
}
