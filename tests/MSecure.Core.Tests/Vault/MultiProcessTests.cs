using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Vault;

/// <summary>Real separate processes writing one vault file: concurrently, and killed midway.</summary>
public sealed class MultiProcessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly VaultTestDirectory _directory = new();

    public MultiProcessTests() => TestVaults.Create(_directory.VaultPath).Dispose();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void TwoProcessesAddingAtOnce_LoseNothing()
    {
        const int PerWorker = 200;
        string startFile = _directory.File("go");
        using VaultWorkerProcess first = VaultWorkerProcess.Start(_directory.VaultPath, PerWorker, "first", startFile);
        using VaultWorkerProcess second = VaultWorkerProcess.Start(_directory.VaultPath, PerWorker, "second", startFile);
        Assert.Equal("ready", first.ReadLine(Patience));
        Assert.Equal("ready", second.ReadLine(Patience));

        File.WriteAllText(startFile, "go");
        string[] firstLines = first.ReadToEnd(Patience);
        string[] secondLines = second.ReadToEnd(Patience);

        Assert.True(first.WaitForExit(Patience) == 0, first.Errors);
        Assert.True(second.WaitForExit(Patience) == 0, second.Errors);
        Assert.Equal("done", firstLines[^1]);
        Assert.Equal("done", secondLines[^1]);
        List<Guid> reported = [.. firstLines[..^1].Select(Guid.Parse), .. secondLines[..^1].Select(Guid.Parse)];
        Assert.Equal(2 * PerWorker, reported.Distinct().Count());

        using VaultFile file = VaultFile.Open(_directory.VaultPath);
        Assert.Empty(file.CheckIntegrity());
        using VaultSession session = file.Unlock(TestVaults.Password);
        Assert.Empty(session.CheckIntegrity());
        IReadOnlyList<RecordSummary> all = session.Search(new RecordQuery());
        Assert.Equal(2 * PerWorker, all.Count);
        Assert.Equal(reported.Order(), all.Select(summary => summary.Id).Order());
        Assert.Equal(PerWorker, session.Search(new RecordQuery { NamePattern = "first *" }).Count);
        Assert.Equal(PerWorker, session.Search(new RecordQuery { NamePattern = "second *" }).Count);
        foreach (Guid id in reported)
        {
            Assert.StartsWith("password ", session.Get(id).GetField("Password")!.Value, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(150)]
    public void AProcessKilledMidway_LosesNoReportedWrite(int killAfter)
    {
        var reported = new List<Guid>();
        using (VaultWorkerProcess worker = VaultWorkerProcess.Start(_directory.VaultPath, 1_000_000, "killed"))
        {
            Assert.Equal("ready", worker.ReadLine(Patience));
            while (reported.Count < killAfter)
            {
                string line = worker.ReadLine(Patience) ?? throw new InvalidOperationException("The worker stopped early: " + worker.Errors);
                reported.Add(Guid.Parse(line));
            }

            worker.Kill();
            worker.WaitForExit(Patience);

            // Lines the worker flushed before it died were reported too.
            reported.AddRange(worker.ReadToEnd(TimeSpan.FromSeconds(5)).Where(line => Guid.TryParse(line, out _)).Select(Guid.Parse));
        }

        using VaultFile file = VaultFile.Open(_directory.VaultPath);
        Assert.Empty(file.CheckIntegrity());
        Assert.InRange(file.Info.RecordCount, reported.Count, reported.Count + 1);
        using VaultSession session = file.Unlock(TestVaults.Password);
        foreach (Guid id in reported)
        {
            Assert.StartsWith("killed ", session.Get(id).Name, StringComparison.Ordinal);
        }

        // The vault stays writable after the crash.
        session.Add(TestVaults.Login("after the crash"));
    }
}
