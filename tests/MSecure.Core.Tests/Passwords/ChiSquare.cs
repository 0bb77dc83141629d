using System;
using System.Collections.Generic;
using Xunit;

namespace MSecure.Core.Tests.Passwords;

/// <summary>Pearson's chi-square goodness-of-fit against a uniform distribution.</summary>
internal static class ChiSquare
{
    /// <summary>
    /// The statistic's value above which a uniform source is rejected with probability about
    /// 1e-6 (z = 4.75), by the Wilson-Hilferty approximation: a sound source fails about once in
    /// a million runs, a biased one (see the tests) fails every time.
    /// </summary>
    public static double CriticalValue(int degreesOfFreedom)
    {
        const double z = 4.75;
        double k = degreesOfFreedom;
        double a = 2.0 / (9.0 * k);
        return k * Math.Pow(1 - a + z * Math.Sqrt(a), 3);
    }

    public static double Statistic(IReadOnlyList<long> observed)
    {
        long total = 0;
        foreach (long count in observed)
        {
            total += count;
        }

        double expected = (double)total / observed.Count;
        double statistic = 0;
        foreach (long count in observed)
        {
            double difference = count - expected;
            statistic += difference * difference / expected;
        }

        return statistic;
    }

    public static void AssertUniform(IReadOnlyList<long> observed)
    {
        double statistic = Statistic(observed);
        double critical = CriticalValue(observed.Count - 1);
        Assert.True(statistic < critical, $"chi-square {statistic:F1} >= {critical:F1} with {observed.Count - 1} degrees of freedom: not uniform");
    }
}
