using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace MSecure.SyncBench;

/// <summary>Timing and the printed lines: <c>sync &lt;operation&gt; records=&lt;n&gt; ms=&lt;median&gt;</c>, then rates and the ratio to the baseline.</summary>
internal static class Measure
{
    public static double Milliseconds(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    public static double Median(IReadOnlyCollection<double> samples)
    {
        double[] sorted = [.. samples.OrderBy(x => x)];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The baseline's own line: <c>baseline &lt;operation&gt; records=&lt;n&gt; ms=&lt;median&gt; records_per_s=…</c>.</summary>
    public static void PrintBaseline(string operation, int records, int moved, double milliseconds) =>
        Console.WriteLine(Invariant($"baseline {operation} records={records} ms={Format(milliseconds)} records_per_s={Rate(moved, milliseconds)}"));

    /// <summary>
    /// <c>sync &lt;operation&gt; records=&lt;vault size&gt; ms=&lt;median&gt; changes=&lt;moved&gt; records_per_s=&lt;moved/s&gt; ratio_to_&lt;baseline&gt;=&lt;ms / baseline ms&gt;</c>.
    /// </summary>
    public static void PrintSync(string operation, int records, int moved, double milliseconds, string baseline, double baselineMilliseconds) =>
        Console.WriteLine(Invariant(
            $"sync {operation} records={records} ms={Format(milliseconds)} changes={moved} records_per_s={Rate(moved, milliseconds)} ratio_to_{baseline}={milliseconds / baselineMilliseconds:0.00}"));

    private static string Rate(int moved, double milliseconds) => Invariant($"{moved / (milliseconds / 1000):0}");

    private static string Format(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.000" : "0.0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
