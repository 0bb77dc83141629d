using System;
using System.Linq;

namespace MSecure.Benchmarks;

internal static class Statistics
{
    public static double Median(double[] samples)
    {
        double[] sorted = samples.OrderBy(x => x).ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string Milliseconds(double value) => value.ToString(value < 10 ? "0.000" : "0.0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Ratio(double ours, double baseline) =>
        (ours / baseline).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
