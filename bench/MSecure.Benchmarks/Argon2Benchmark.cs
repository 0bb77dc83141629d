using System;
using System.Diagnostics;
using System.Globalization;
using MSecure.Core.Cryptography;
using MSecure.Interop;

namespace MSecure.Benchmarks;

/// <summary>
/// Our Argon2id against Debian's reference libargon2 (same thread count as lanes), runs
/// interleaved so machine noise hits both alike, plus the first call in a fresh process.
/// </summary>
internal static class Argon2Benchmark
{
    private static readonly (uint MemoryKiB, uint Passes, uint Lanes, int Runs)[] Cases =
    [
        (65536, 3, 4, 9),
        (19456, 2, 1, 9),
        (262144, 3, 4, 5),
    ];

    private const int FreshProcesses = 5;

    private static readonly byte[] Password = "correct horse battery staple"u8.ToArray();
    private static readonly byte[] Salt = Convert.FromHexString("0102030405060708090a0b0c0d0e0f10");

    public static void Run()
    {
        Statistics.Require(LibArgon2.IsAvailable, "libargon2.so.1 is missing: apt-get install libargon2-1");
        Console.WriteLine($"# argon2id: implementation={Argon2Implementations.Best} cores={Environment.ProcessorCount}");
        foreach (var (memory, passes, lanes, runs) in Cases)
        {
            CheckSameTag(memory, passes, lanes);
            Ours(memory, passes, lanes);
            Reference(memory, passes, lanes);

            double[] ours = new double[runs], reference = new double[runs];
            for (int run = 0; run < runs; run++)
            {
                // Alternate which goes first so neither always runs on a cooler or warmer machine.
                if (run % 2 == 0)
                {
                    ours[run] = Ours(memory, passes, lanes);
                    reference[run] = Reference(memory, passes, lanes);
                }
                else
                {
                    reference[run] = Reference(memory, passes, lanes);
                    ours[run] = Ours(memory, passes, lanes);
                }
            }

            double oursMedian = Statistics.Median(ours), referenceMedian = Statistics.Median(reference);
            Console.WriteLine(
                $"argon2id m={memory} t={passes} p={lanes} ours_ms={Statistics.Milliseconds(oursMedian)} " +
                $"libargon2_ms={Statistics.Milliseconds(referenceMedian)} ratio={Statistics.Ratio(oursMedian, referenceMedian)}");
        }

        RunFirstCall();
    }

    /// <summary>Median over several fresh processes, alternating, of the first call in each.</summary>
    private static void RunFirstCall()
    {
        double[] ours = new double[FreshProcesses], reference = new double[FreshProcesses];
        for (int i = 0; i < FreshProcesses; i++)
        {
            ours[i] = FirstCallInFreshProcess("ours");
            reference[i] = FirstCallInFreshProcess("libargon2");
        }

        double oursMedian = Statistics.Median(ours), referenceMedian = Statistics.Median(reference);
        Console.WriteLine(
            $"argon2id-first-call ours_ms={Statistics.Milliseconds(oursMedian)} libargon2_ms={Statistics.Milliseconds(referenceMedian)} " +
            $"ratio={Statistics.Ratio(oursMedian, referenceMedian)}");
    }

    private static double FirstCallInFreshProcess(string which)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string entry = typeof(Program).Assembly.Location;
        if (!Environment.ProcessPath!.EndsWith("MSecure.Benchmarks", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(entry);
        }

        start.ArgumentList.Add("--first-call");
        start.ArgumentList.Add(which);
        using Process child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        Statistics.Require(child.ExitCode == 0, $"first-call child for {which} failed");
        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs in the child process: times the very first 64 MiB call and prints milliseconds.</summary>
    public static int RunFirstCallChild(string which)
    {
        double elapsed = which == "ours" ? Ours(65536, 3, 4) : Reference(65536, 3, 4);
        Console.WriteLine(elapsed.ToString("R", CultureInfo.InvariantCulture));
        return 0;
    }

    private static double Ours(uint memory, uint passes, uint lanes)
    {
        byte[] tag = new byte[32];
        long start = Stopwatch.GetTimestamp();
        Argon2.Hash(Argon2Type.Argon2id, new Argon2Parameters(memory, passes, lanes), Password, Salt, [], [], tag);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static double Reference(uint memory, uint passes, uint lanes)
    {
        byte[] tag = new byte[32];
        long start = Stopwatch.GetTimestamp();
        LibArgon2.Hash((int)Argon2Type.Argon2id, memory, passes, lanes, lanes, Password, Salt, [], [], tag);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static void CheckSameTag(uint memory, uint passes, uint lanes)
    {
        byte[] ours = new byte[32], reference = new byte[32];
        Argon2.Hash(Argon2Type.Argon2id, new Argon2Parameters(memory, passes, lanes), Password, Salt, [], [], ours);
        LibArgon2.Hash((int)Argon2Type.Argon2id, memory, passes, lanes, lanes, Password, Salt, [], [], reference);
        Statistics.Require(ours.AsSpan().SequenceEqual(reference), $"tags differ at m={memory} t={passes} p={lanes}");
    }
}
