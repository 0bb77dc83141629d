using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using Xunit;

namespace MSecure.Sync.Tests.Support;

/// <summary>
/// One seeded run of the property test: three devices of a new account take random steps (add,
/// edit, rename, remove, sync) in a random order, then sync until quiet. Afterwards every device
/// holds the same records, revisions, plaintext and history, each is intact, and every value any
/// device ever wrote is in some version (current or history) of some record.
/// </summary>
internal sealed class ConvergenceRun
{
    private const int Devices = 3;
    private static readonly string[] SharedNames = ["shared 0", "shared 1", "shared 2"];

    private readonly Random _random;
    private readonly int _seed;
    private readonly List<string> _log = [];
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private int _values;

    private ConvergenceRun(int seed)
    {
        _seed = seed;
        _random = new Random(seed);
    }

    /// <summary>Steps taken, syncs made and conflicts reported, for the summary.</summary>
    public int Steps { get; private set; }

    public int Syncs { get; private set; }

    public int Conflicts { get; private set; }

    /// <summary>Runs seed <paramref name="seed"/>; on a failure the exception names the seed and the steps taken.</summary>
    public static ConvergenceRun Execute(ISyncTransport transport, int seed)
    {
        var run = new ConvergenceRun(seed);
        try
        {
            run.Go(transport);
            return run;
        }
        catch (Exception exception) when (exception is not SeedFailedException)
        {
            throw new SeedFailedException(
                $"{transport.Name} seed {seed} failed after these steps (rerun with MSECURE_SYNC_SEED={seed} MSECURE_SYNC_RUNS=1):{Environment.NewLine}"
                + string.Join(Environment.NewLine, run._log), exception);
        }
    }

    private void Go(ISyncTransport transport)
    {
        using var account = new SyncAccount(transport, Devices);
        int steps = _random.Next(6, 22);
        for (int i = 0; i < steps; i++)
        {
            Step(account, _random.Next(Devices));
        }

        _log.Add("sync until quiet");
        Syncs += Devices * account.SyncUntilQuiet();
        TwoDeviceScenario.AssertSame(account);
        for (int device = 0; device < Devices; device++)
        {
            Assert.Empty(account[device].CheckIntegrity());
        }

        HashSet<string> held = VaultContents.PasswordValues(account[0], account.PathOf(0));
        string[] missing = _written.Where(value => !held.Contains(value)).ToArray();
        Assert.True(missing.Length == 0, $"written but in no version of any record: {string.Join(", ", missing)}");
    }

    private void Step(SyncAccount account, int device)
    {
        Steps++;
        int choice = _random.Next(100);
        List<RecordSummary> live = [.. account[device].Search(new RecordQuery()).OrderBy(summary => summary.Id)];
        if (choice < 30 || (choice < 70 && live.Count == 0))
        {
            string name = _random.Next(4) == 0 ? SharedNames[_random.Next(SharedNames.Length)] : NextValue("name");
            string value = NextValue("add");
            Write(device, $"add '{name}' = {value}", value, () => account.Add(device, name, value));
        }
        else if (choice < 55)
        {
            RecordSummary target = live[_random.Next(live.Count)];
            string value = NextValue("edit");
            string? rename = _random.Next(5) == 0 ? SharedNames[_random.Next(SharedNames.Length)] : null;
            Write(device, $"edit {target.Id} r{target.Revision}{(rename is null ? "" : $" as '{rename}'")} = {value}", value,
                () => account.Edit(device, target.Id, value, rename));
        }
        else if (choice < 70)
        {
            RecordSummary target = live[_random.Next(live.Count)];
            _log.Add($"device {device}: remove {target.Id} r{target.Revision}");
            account[device].Remove(target.Id, target.Revision);
        }
        else
        {
            var result = account.Sync(device);
            Syncs++;
            Conflicts += result.Conflicts.Count;
            _log.Add($"device {device}: sync pulled {result.Pulled} pushed {result.Pushed} conflicts {result.Conflicts.Count}");
        }
    }

    /// <summary>A local write; a name another live record holds is refused locally (RecordNameConflict) and writes nothing.</summary>
    private void Write(int device, string what, string value, Action write)
    {
        try
        {
            write();
            _written.Add(value);
            _log.Add($"device {device}: {what}");
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.RecordNameConflict)
        {
            _log.Add($"device {device}: {what} refused locally (name taken)");
        }
    }

    private string NextValue(string kind) => string.Create(CultureInfo.InvariantCulture, $"{kind}-{_seed}-{_values++}");

    private sealed class SeedFailedException(string message, Exception inner) : Exception(message, inner);
}
