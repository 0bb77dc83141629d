using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Interop;

namespace MSecure.Benchmarks;

/// <summary>
/// Our Argon2id against three peers, all measured interleaved in the same run so machine noise
/// hits each alike: Konscious.Security.Cryptography.Argon2 (the managed Argon2 the customer
/// named), libsodium's Argon2id through NSec (one lane only, so only for p=1) and Debian's
/// reference libargon2 (same thread count as lanes). Before timing, every peer's tag must equal
/// ours. Plus the first call in a fresh process, ours against libargon2.
/// </summary>
internal static class Argon2Benchmark
{
    // Runs per case; Konscious is several times slower than the others, so it gets fewer.
    private static readonly (Argon2Cost Cost, int Runs, int KonsciousRuns)[] Cases =
    [
        (new Argon2Cost(65536, 3, 4), 9, 3),
        (new Argon2Cost(19456, 2, 1), 9, 5),
        (new Argon2Cost(65536, 3, 1), 5, 3),
        (new Argon2Cost(262144, 3, 4), 5, 2),
    ];

    private static readonly Argon2Peer[] Peers = [Argon2Peer.Ours, Argon2Peer.Konscious, Argon2Peer.Libsodium, Argon2Peer.LibArgon2];

    private const int FreshProcesses = 5;

    private static readonly byte[] Password = "correct horse battery staple"u8.ToArray();
    private static readonly byte[] Salt = Convert.FromHexString("0102030405060708090a0b0c0d0e0f10");

    public static void Run()
    {
        Statistics.Require(LibArgon2.IsAvailable, "libargon2.so.1 is missing: apt-get install libargon2-1");
        Console.WriteLine(
            $"# argon2id: implementation={Argon2Implementations.Best} cores={Environment.ProcessorCount}; " +
            $"runs (konscious runs) per case: {string.Join(", ", Cases.Select(c => $"{c.Cost} {c.Runs} ({c.KonsciousRuns})"))}; libsodium only for p=1");
        foreach (var (cost, runs, konsciousRuns) in Cases)
        {
            Argon2Peer[] peers = Peers.Where(peer => peer.Supports(cost)).ToArray();
            CheckSameTag(cost, peers);
            var samples = peers.ToDictionary(peer => peer, _ => new List<double>());
            for (int run = 0; run < runs; run++)
            {
                // Rotate which goes first so none always runs on a cooler or warmer machine.
                for (int i = 0; i < peers.Length; i++)
                {
                    Argon2Peer peer = peers[(run + i) % peers.Length];
                    if (peer != Argon2Peer.Konscious || run < konsciousRuns)
                    {
                        samples[peer].Add(Time(peer, cost));
                    }
                }
            }

            double ours = Median(samples, Argon2Peer.Ours);
            double konscious = Median(samples, Argon2Peer.Konscious);
            double libsodium = Median(samples, Argon2Peer.Libsodium);
            double libargon2 = Median(samples, Argon2Peer.LibArgon2);
            Console.WriteLine(
                $"argon2id {cost} ours_ms={Statistics.Milliseconds(ours)} konscious_ms={Milliseconds(konscious)} " +
                $"libsodium_ms={Milliseconds(libsodium)} libargon2_ms={Milliseconds(libargon2)} " +
                $"ratio_konscious={Ratio(ours, konscious)} ratio_libsodium={Ratio(ours, libsodium)} ratio_libargon2={Ratio(ours, libargon2)}");
        }

        RunFirstCall();
    }

    /// <summary>Median over several fresh processes, alternating, of the first call in each.</summary>
    private static void RunFirstCall()
    {
        double[] ours = new double[FreshProcesses], reference = new double[FreshProcesses];
        for (int i = 0; i < FreshProcesses; i++)
        {
            ours[i] = FirstCallInFreshProcess(Argon2Peer.Ours.Name);
            reference[i] = FirstCallInFreshProcess(Argon2Peer.LibArgon2.Name);
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
        Argon2Peer peer = which == Argon2Peer.Ours.Name ? Argon2Peer.Ours : Argon2Peer.LibArgon2;
        Console.WriteLine(Time(peer, new Argon2Cost(65536, 3, 4)).ToString("R", CultureInfo.InvariantCulture));
        return 0;
    }

    private static double Time(Argon2Peer peer, Argon2Cost cost)
    {
        byte[] tag = new byte[32];
        long start = Stopwatch.GetTimestamp();
        peer.Hash(cost, Password, Salt, tag);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>Same password, salt and cost give every peer the same tag as ours, or the bench stops here.</summary>
    private static void CheckSameTag(Argon2Cost cost, Argon2Peer[] peers)
    {
        byte[] ours = new byte[32];
        Argon2Peer.Ours.Hash(cost, Password, Salt, ours);
        foreach (Argon2Peer peer in peers)
        {
            byte[] theirs = new byte[32];
            peer.Hash(cost, Password, Salt, theirs);
            Statistics.Require(ours.AsSpan().SequenceEqual(theirs), $"{peer.Name}'s tag differs from ours at {cost}");
        }
    }

    private static double Median(Dictionary<Argon2Peer, List<double>> samples, Argon2Peer peer) =>
        samples.TryGetValue(peer, out List<double>? times) ? Statistics.Median([.. times]) : double.NaN;

    private static string Milliseconds(double value) => double.IsNaN(value) ? "n/a" : Statistics.Milliseconds(value);

    private static string Ratio(double ours, double theirs) => double.IsNaN(theirs) ? "n/a" : Statistics.Ratio(ours, theirs);
}
