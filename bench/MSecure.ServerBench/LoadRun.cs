using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MSecure.ServerBench;

/// <summary>Operations per second and latency percentiles of one case.</summary>
internal sealed record LoadResult(double OperationsPerSecond, double P50Milliseconds, double P99Milliseconds, int Operations);

/// <summary>
/// Runs an operation from N concurrent workers: a warm-up (not counted), then a fixed measured
/// duration; every operation's latency is recorded.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResult> MeasureAsync(int workers, TimeSpan warmUp, TimeSpan duration, Func<int, Task> operation)
    {
        await RunAsync(workers, warmUp, operation, record: false);
        return await RunAsync(workers, duration, operation, record: true);
    }

    private static async Task<LoadResult> RunAsync(int workers, TimeSpan duration, Func<int, Task> operation, bool record)
    {
        var latencies = new List<long>[workers];
        long start = Stopwatch.GetTimestamp();
        long end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = new Task[workers];
        for (int worker = 0; worker < workers; worker++)
        {
            int index = worker;
            latencies[index] = new List<long>(16_384);
            tasks[index] = Task.Run(async () =>
            {
                for (int i = 0; Stopwatch.GetTimestamp() < end; i++)
                {
                    long before = Stopwatch.GetTimestamp();
                    await operation((index * 1_000_003) + i);
                    if (record)
                    {
                        latencies[index].Add(Stopwatch.GetTimestamp() - before);
                    }
                }
            });
        }

        await Task.WhenAll(tasks);
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long[] all = latencies.SelectMany(list => list).Order().ToArray();
        if (!record || all.Length == 0)
        {
            return new LoadResult(0, 0, 0, 0);
        }

        return new LoadResult(all.Length / elapsed, Milliseconds(Percentile(all, 0.50)), Milliseconds(Percentile(all, 0.99)), all.Length);
    }

    private static long Percentile(long[] sorted, double fraction) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
