using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MSecure.SecretBench;

/// <summary>
/// The printed lines: <c>secretbench &lt;what&gt; key=value ... ratio_to_&lt;baseline&gt;=&lt;ms / baseline ms&gt;</c>,
/// and <c># ...</c> lines for what was skipped and why. A ratio is always the measured time over the
/// baseline's time for the same work (below 1: faster than the baseline).
/// </summary>
internal static class Report
{
    public static void Line(string what, params (string Key, object Value)[] values) =>
        Console.WriteLine("secretbench " + what + string.Concat(values.Select(value => " " + value.Key + "=" + Format(value.Value))));

    public static void Note(string text) => Console.WriteLine("# " + text);

    /// <summary>The ratio key for <paramref name="baseline"/>: ratio_to_&lt;baseline&gt; = <paramref name="milliseconds"/> / <paramref name="baselineMilliseconds"/>.</summary>
    public static (string Key, object Value) Ratio(string baseline, double milliseconds, double baselineMilliseconds) =>
        ("ratio_to_" + baseline, Invariant($"{milliseconds / baselineMilliseconds:0.000}"));

    /// <summary>aim=&lt;text&gt; and met=yes|no.</summary>
    public static (string Key, object Value)[] Aim(string aim, bool met) => [("aim", aim), ("met", met ? "yes" : "no")];

    public static double Median(IEnumerable<double> samples)
    {
        double[] sorted = [.. samples.OrderBy(x => x)];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string Milliseconds(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.000" : "0.0", CultureInfo.InvariantCulture);

    /// <summary>A value as printed; one with a space in double quotes, so every line splits on spaces outside quotes.</summary>
    private static string Format(object value) => Quoted(value switch
    {
        double number => Milliseconds(number),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    });

    private static string Quoted(string text) => text.Contains(' ', StringComparison.Ordinal) ? "\"" + text + "\"" : text;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
