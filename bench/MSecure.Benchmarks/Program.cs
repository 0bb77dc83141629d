using System;
using System.Globalization;
using System.Threading;

namespace MSecure.Benchmarks;

/// <summary>
/// Benchmarks that print ratios against a baseline measured in the same run.
/// Usage: MSecure.Benchmarks [argon2|vault] (default: all). Internal: --first-call ours|libargon2.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Thread.CurrentThread.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length == 2 && args[0] == "--first-call")
        {
            return Argon2Benchmark.RunFirstCallChild(args[1]);
        }

        string suite = args.Length > 0 ? args[0] : "all";
        if (suite is "all" or "argon2")
        {
            Argon2Benchmark.Run();
        }

        if (suite is "all" or "vault")
        {
            VaultBenchmark.Run();
        }

        return 0;
    }
}
