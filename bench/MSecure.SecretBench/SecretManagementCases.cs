using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace MSecure.SecretBench;

/// <summary>
/// Set-Secret of new secrets up to <see cref="Options.Secrets"/> and Get-Secret at 100, 1,000 and
/// that size, each store in one pwsh of its own. With MSECURE_BENCH_SECRETMANAGEMENT and
/// MSECURE_BENCH_SECRETSTORE (folders holding the modules' .psd1): SecretStore through
/// SecretManagement is the baseline, MSecure is measured through SecretManagement and through its
/// extension functions called directly. Without them: only the direct calls, said so.
/// The write rate "at" the largest size is that of its last tenth of writes (SecretStore rewrites
/// its whole file per write, so its cost per write grows with the size).
/// </summary>
internal sealed class SecretManagementCases(Pwsh pwsh, string moduleManifest, string directory, Options options)
{
    public const string SecretManagementVariable = "MSECURE_BENCH_SECRETMANAGEMENT";
    public const string SecretStoreVariable = "MSECURE_BENCH_SECRETSTORE";
    public const string SecretManagementManifestName = "Microsoft.PowerShell.SecretManagement.psd1";
    private const string Baseline = "secretstore";

    private int[] ReadSizes => [.. new[] { 100, 1_000, options.Secrets }.Where(size => size <= options.Secrets).Distinct()];

    private int LastTenthStart => options.Secrets - (options.Secrets / 10);

    public void Run()
    {
        string? secretManagement = ModuleManifest(SecretManagementVariable, SecretManagementManifestName);
        string? secretStore = ModuleManifest(SecretStoreVariable, "Microsoft.PowerShell.SecretStore.psd1");
        SecretOperationsRun? baseline = null;
        if (secretManagement is null || secretStore is null)
        {
            Report.Note($"secretmanagement: the comparison with Microsoft.PowerShell.SecretStore was SKIPPED: neither module is on the NuGet feed, so CI has neither; set {SecretManagementVariable} and {SecretStoreVariable} to the folders of locally built copies to run it. Measured instead: MSecure.Extension's functions called directly, as SecretManagement calls them.");
        }
        else
        {
            baseline = Measure("secretstore", ["-Store", "SecretStore", "-Via", "SecretManagement", "-SecretManagementModule", secretManagement, "-SecretStoreModule", secretStore]);
            PrintBaseline(baseline);
            SecretOperationsRun throughSecretManagement = Measure("msecure-sm", ["-Store", "MSecure", "-Via", "SecretManagement", "-SecretManagementModule", secretManagement], vault: true);
            Print("msecure", "secretmanagement", throughSecretManagement, baseline);
        }

        SecretOperationsRun direct = Measure("msecure-direct", ["-Store", "MSecure", "-Via", "Direct"], vault: true);
        Print("msecure", "extension-direct", direct, baseline);
    }

    private SecretOperationsRun Measure(string name, string[] arguments, bool vault = false)
    {
        string folder = BenchVaults.NewFolder(directory, name);
        string home = Directory.CreateDirectory(Path.Combine(folder, "home")).FullName;
        var all = new List<string>(arguments)
        {
            "-WriteCheckpoints", string.Join(',', new[] { LastTenthStart, options.Secrets }.Distinct().Select(Invariant)),
            "-ReadSizes", string.Join(',', ReadSizes.Select(Invariant)),
            "-Reads", Invariant(options.Reads),
            "-MSecureModule", moduleManifest,
        };
        if (vault)
        {
            string path = Path.Combine(folder, "bench.msecure");
            BenchVaults.Create(path, []).Dispose();
            all.AddRange(["-VaultPath", path]);
        }

        return SecretOperationsRun.Start(pwsh, all, home);
    }

    private void PrintBaseline(SecretOperationsRun baseline)
    {
        foreach (WriteSegment segment in WriteSegments(baseline))
        {
            Report.Line("set-secret", ("store", "secretstore"), ("via", "secretmanagement"), ("from", segment.From), ("to", segment.To),
                ("ms_per_write", segment.MillisecondsPerWrite), ("writes_per_s", Rate(segment.WritesPerSecond)), ("baseline", "yes"));
        }

        foreach (int size in ReadSizes)
        {
            ReadBatch read = baseline.ReadAt(size);
            Report.Line("get-secret", ("store", "secretstore"), ("via", "secretmanagement"), ("secrets", size), ("reads", read.Count),
                ("ms_per_read", read.MillisecondsPerRead), ("baseline", "yes"));
        }
    }

    private void Print(string store, string via, SecretOperationsRun run, SecretOperationsRun? baseline)
    {
        foreach (WriteSegment segment in WriteSegments(run))
        {
            var values = new List<(string, object)> { ("store", store), ("via", via), ("from", segment.From), ("to", segment.To), ("ms_per_write", segment.MillisecondsPerWrite), ("writes_per_s", Rate(segment.WritesPerSecond)) };
            if (baseline is not null)
            {
                WriteSegment same = WriteSegments(baseline).Single(other => other.From == segment.From && other.To == segment.To);
                double ratio = segment.Milliseconds / same.Milliseconds;
                values.Add(Report.Ratio(Baseline, segment.Milliseconds, same.Milliseconds));
                if (segment.To == options.Secrets && segment.From == LastTenthStart)
                {
                    values.AddRange(Report.Aim("<=0.100 (writes >= 10x SecretStore's rate)", ratio <= 0.1));
                }
            }

            Report.Line("set-secret", [.. values]);
        }

        foreach (int size in ReadSizes)
        {
            ReadBatch read = run.ReadAt(size);
            var values = new List<(string, object)> { ("store", store), ("via", via), ("secrets", size), ("reads", read.Count), ("ms_per_read", read.MillisecondsPerRead) };
            if (baseline is not null)
            {
                ReadBatch same = baseline.ReadAt(size);
                values.Add(Report.Ratio(Baseline, read.MillisecondsPerRead, same.MillisecondsPerRead));
                values.AddRange(Report.Aim("<=1.000 (reads no slower)", read.MillisecondsPerRead <= same.MillisecondsPerRead));
            }

            Report.Line("get-secret", [.. values]);
        }
    }

    /// <summary>The segments printed: every write to the largest size, and its last tenth (the rate "at" that size).</summary>
    private IEnumerable<WriteSegment> WriteSegments(SecretOperationsRun run) =>
        [run.AllWritesTo(options.Secrets), run.WriteEndingAt(options.Secrets)];

    /// <summary>The module's .psd1 in the folder <paramref name="variable"/> names; null when unset.</summary>
    public static string? ModuleManifest(string variable, string manifestName)
    {
        string? folder = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return null;
        }

        string manifest = Path.Combine(Path.GetFullPath(folder), manifestName);
        return File.Exists(manifest) ? manifest : throw new InvalidOperationException($"{variable} is set but {manifest} does not exist.");
    }

    private static string Rate(double perSecond) => perSecond.ToString("0", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
