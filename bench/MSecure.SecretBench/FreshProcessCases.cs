using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;

namespace MSecure.SecretBench;

/// <summary>
/// A fresh pwsh that imports MSecure, unlocks and reads one secret (see <see cref="FreshVariants"/>),
/// against a bare `pwsh -NoProfile -c 1`: with the KDF (the password) and with a session token (MSECURE_SESSION).
/// Every variant runs <see cref="Options.Runs"/> times, interleaved round by round so machine noise
/// hits each alike; the median is printed. The KDF alone (the default Argon2id, in this process,
/// warm) is measured in the same run for the overhead with the KDF: ms - bare - KDF.
/// </summary>
internal sealed class FreshProcessCases(Pwsh pwsh, string moduleManifest, string directory, Options options)
{
    private const double OverheadAimMilliseconds = 150;

    public void Run()
    {
        string folder = BenchVaults.NewFolder(directory, "fresh");
        string vault = Path.Combine(folder, "fresh.msecure");
        string home = Directory.CreateDirectory(Path.Combine(folder, "home")).FullName;
        using VaultCreation creation = BenchVaults.Create(vault, BenchVaults.Logins(1));
        using SessionToken token = SessionHandOff.Issue(creation.Session, SessionHandOff.DefaultLifetime);
        var set = new FreshVariants(moduleManifest, vault, BenchVaults.LoginName(0), BenchVaults.LoginPassword(0), token.Text.ToString());

        string? secretManagement = SecretManagementCases.ModuleManifest(SecretManagementCases.SecretManagementVariable, SecretManagementCases.SecretManagementManifestName);
        if (secretManagement is null)
        {
            Report.Note($"fresh-pwsh: Get-Secret through SecretManagement was SKIPPED: {SecretManagementCases.SecretManagementVariable} is not set (the module is not on the NuGet feed); measured through Get-MSecureRecord and MSecure.Extension's Get-Secret called directly.");
        }
        else
        {
            ChildResult registered = pwsh.Command(set.Register(secretManagement), new Dictionary<string, string?> { ["HOME"] = home });
            Require(registered, new FreshVariant("register", string.Empty, string.Empty, null));
        }

        List<FreshVariant> variants = [set.Bare, set.ImportOnly, .. set.Reads(secretManagement, home)];
        double kdf = KdfAloneMilliseconds();
        Dictionary<string, List<double>> samples = variants.ToDictionary(variant => variant.Name, _ => new List<double>());
        var shim = new List<double>();
        for (int round = -1; round < options.Runs; round++)
        {
            foreach (FreshVariant variant in variants)
            {
                ChildResult result = pwsh.Command(variant.Command, variant.Environment);
                Require(result, variant);
                if (round >= 0)
                {
                    samples[variant.Name].Add(result.Milliseconds);
                }
            }

            ChildResult shimmed = pwsh.ThroughShim("1");
            Require(shimmed, set.Bare);
            if (round >= 0)
            {
                shim.Add(shimmed.Milliseconds);
            }
        }

        double bare = Report.Median(samples[set.Bare.Name]);
        Report.Line("fresh-pwsh", ("variant", "bare"), ("command", "pwsh -NoProfile -c 1"), ("runs", options.Runs), ("ms", bare), ("baseline", "yes"));
        Report.Line("kdf-alone", ("kdf", $"argon2id-m{KdfParameters.Default.MemoryKiB}-t{KdfParameters.Default.Passes}-p{KdfParameters.Default.Lanes}"), ("ms", kdf), Report.Ratio("bare", kdf, bare));
        Report.Line("fresh-pwsh", ("variant", "dotnet-tool-shim"), ("command", "dotnet pwsh -NoProfile -c 1"), ("runs", options.Runs), ("ms", Report.Median(shim)),
            ("shim_ms", Report.Median(shim) - bare), Report.Ratio("bare", Report.Median(shim), bare));
        double import = Report.Median(samples[set.ImportOnly.Name]);
        Report.Line("fresh-pwsh", ("variant", "import-only"), ("command", "Import-Module MSecure"), ("runs", options.Runs), ("ms", import), ("overhead_ms", import - bare), Report.Ratio("bare", import, bare));
        foreach (FreshVariant variant in variants.Skip(2))
        {
            double ms = Report.Median(samples[variant.Name]);
            bool withKdf = variant.Name.EndsWith("-kdf", StringComparison.Ordinal);
            double overhead = ms - bare - (withKdf ? kdf : 0);
            string aim = withKdf ? "overhead_ms<=150 (bare + KDF + 150 ms)" : "overhead_ms<=150 (bare + 150 ms)";
            Report.Line("fresh-pwsh", [("variant", variant.Name), ("command", "import+" + (withKdf ? "unlock+" : string.Empty) + "read"), ("runs", options.Runs), ("ms", ms),
                ("overhead_ms", overhead), Report.Ratio("bare", ms, bare), .. Report.Aim(aim, overhead <= OverheadAimMilliseconds)]);
        }
    }

    /// <summary>The default KDF's median time over 5 derivations in this process, after one warm-up.</summary>
    private static double KdfAloneMilliseconds()
    {
        byte[] salt = UnlockKeyDerivation.CreateSalt();
        var samples = new List<double>();
        for (int i = -1; i < 5; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            UnlockKeyDerivation.Derive(BenchVaults.Password, salt, KdfParameters.Default).Dispose();
            if (i >= 0)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return Report.Median(samples);
    }

    private static void Require(ChildResult result, FreshVariant variant)
    {
        if (result.ExitCode != 0 || result.Output.Trim() != variant.Expected)
        {
            throw new InvalidOperationException($"fresh pwsh '{variant.Name}' exited with {result.ExitCode} and did not print the expected value: {result.Error.Trim()}");
        }
    }
}

/// <summary>One command a fresh pwsh runs (the bench password in MSECURE_BENCH_PASSWORD, plus <paramref name="extraEnvironment"/>); <paramref name="expected"/> is all it must print.</summary>
internal sealed class FreshVariant(string name, string command, string expected, IReadOnlyDictionary<string, string?>? extraEnvironment)
{
    public string Name { get; } = name;

    public string Command { get; } = command;

    public string Expected { get; } = expected;

    public IReadOnlyDictionary<string, string?> Environment { get; } =
        new Dictionary<string, string?>(extraEnvironment ?? new Dictionary<string, string?>()) { ["MSECURE_BENCH_PASSWORD"] = BenchVaults.Password };
}
