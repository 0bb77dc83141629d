using System;
using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace MSecure.Sync.Tests.Support;

/// <summary>
/// The property test's runs: seeds 20261201, 20261202, … (fixed, so a failure reproduces);
/// MSECURE_SYNC_SEED starts elsewhere and MSECURE_SYNC_RUNS changes the count (200 by default).
/// </summary>
internal static class PropertyRuns
{
    public const int DefaultRuns = 200;

    public static void Run(ISyncTransport transport, ITestOutputHelper output)
    {
        int first = EnvironmentInt("MSECURE_SYNC_SEED") ?? 20261201;
        int runs = EnvironmentInt("MSECURE_SYNC_RUNS") ?? DefaultRuns;
        int steps = 0, syncs = 0, conflicts = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < runs; i++)
        {
            ConvergenceRun run = ConvergenceRun.Execute(transport, first + i);
            steps += run.Steps;
            syncs += run.Syncs;
            conflicts += run.Conflicts;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{transport.Name}: runs={runs} seeds={first}..{first + runs - 1} steps={steps} syncs={syncs} conflicts={conflicts} seconds={clock.Elapsed.TotalSeconds:F1}"));
    }

    private static int? EnvironmentInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}
