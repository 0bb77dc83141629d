using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;

namespace MSecure.SecretBench;

/// <summary>
/// `msecure read` of one record's password in a vault of <see cref="Options.Records"/> records,
/// the whole process, with the default KDF (password on standard input) and with a session token
/// (MSECURE_SESSION), beside `keepassxc-cli show` of the same entry in a KDBX 4 of as many entries
/// with the same Argon2id parameters (the baseline). Runs interleaved, <see cref="Options.Runs"/>
/// timed rounds after one untimed, medians printed.
/// </summary>
internal sealed class CliReadCases(string msecure, string directory, Options options)
{
    private const string Baseline = "keepassxc";

    public void Run()
    {
        string folder = BenchVaults.NewFolder(directory, "cli");
        string vault = Path.Combine(folder, "large.msecure");
        int chosen = options.Records / 2;
        string name = BenchVaults.LoginName(chosen);
        string expected = BenchVaults.LoginPassword(chosen);

        var clock = Stopwatch.StartNew();
        using VaultCreation creation = BenchVaults.Create(vault, BenchVaults.Logins(options.Records));
        Report.Note(FormattableString.Invariant($"cli: {options.Records} records added to the msecure vault in {clock.Elapsed.TotalSeconds:0.0} s (one AddMany; setup, not measured)"));
        using SessionToken token = SessionHandOff.Issue(creation.Session, SessionHandOff.DefaultLifetime);

        KeePassXc? keepass = null;
        string? unavailable = KeePassXc.Unavailable();
        if (unavailable is null)
        {
            clock.Restart();
            keepass = KeePassXc.Create(Path.Combine(folder, "large.kdbx"), options.Records, KdfParameters.Default);
            Report.Note(FormattableString.Invariant($"cli: {options.Records} entries written to the KDBX 4 in {clock.Elapsed.TotalSeconds:0.0} s (setup, not measured)"));
        }
        else
        {
            Report.Note($"cli: the keepassxc-cli comparison was SKIPPED: {unavailable}.");
        }

        // The reference names the vault by its file's name; --vault gives that file's path.
        string reference = "msecure://large/" + Uri.EscapeDataString(name) + "/Password";
        var variants = new List<(string Name, Func<ChildResult> Run)>
        {
            ("msecure-kdf", () => ChildProcess.Run(msecure, ["read", "--vault", vault, reference, "--password-stdin"], Quiet(), standardInput: BenchVaults.Password + "\n")),
            ("msecure-token", () => ChildProcess.Run(msecure, ["read", "--vault", vault, reference], Quiet(token.Text.ToString()))),
        };
        if (keepass is not null)
        {
            variants.Insert(0, (Baseline, () => keepass.ShowPassword(name)));
        }

        Dictionary<string, List<double>> samples = variants.ToDictionary(variant => variant.Name, _ => new List<double>());
        for (int round = -1; round < options.Runs; round++)
        {
            foreach ((string variant, Func<ChildResult> run) in variants)
            {
                ChildResult result = run();
                if (result.ExitCode != 0 || result.Output.TrimEnd('\n') != expected)
                {
                    throw new InvalidOperationException($"{variant} exited with {result.ExitCode} and did not print the expected password: {result.Error.Trim()}");
                }

                if (round >= 0)
                {
                    samples[variant].Add(result.Milliseconds);
                }
            }
        }

        double? baseline = keepass is null ? null : Report.Median(samples[Baseline]);
        if (baseline is double baselineMilliseconds)
        {
            Report.Line("read-one", ("tool", "keepassxc-cli-show"), ("records", options.Records), ("kdf", Kdf()), ("runs", options.Runs), ("ms", baselineMilliseconds), ("baseline", "yes"));
        }

        foreach ((string variant, _) in variants.Where(variant => variant.Name != Baseline))
        {
            double ms = Report.Median(samples[variant]);
            var values = new List<(string, object)> { ("tool", variant), ("records", options.Records), ("kdf", variant == "msecure-kdf" ? Kdf() : "none-session-token"), ("runs", options.Runs), ("ms", ms) };
            if (baseline is double baselineMs)
            {
                values.Add(Report.Ratio(Baseline, ms, baselineMs));
                values.Add(("times_faster", (baselineMs / ms).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)));
                values.AddRange(Report.Aim("<=0.020 (>= 50x faster than keepassxc-cli)", ms * 50 <= baselineMs));
            }

            Report.Line("read-one", [.. values]);
        }
    }

    private static string Kdf() =>
        FormattableString.Invariant($"argon2id-m{KdfParameters.Default.MemoryKiB}-t{KdfParameters.Default.Passes}-p{KdfParameters.Default.Lanes}");

    /// <summary>No password variable inherited, no CI masking detected; the session token when given.</summary>
    private static Dictionary<string, string?> Quiet(string? session = null) => new()
    {
        ["MSECURE_PASSWORD"] = null,
        ["MSECURE_SESSION"] = session,
        ["GITHUB_ACTIONS"] = null,
        ["TF_BUILD"] = null,
    };
}
