using System;
using System.Collections.Generic;
using System.IO;
using MSecure.Core.Cryptography;

namespace MSecure.SecretBench;

/// <summary>
/// keepassxc-cli (Debian's keepassxc) on a KDBX 4 with MSecure's default Argon2id parameters,
/// written by Scripts/make_kdbx.py with Debian's python3-pykeepass (keepassxc-cli itself can only
/// pick KDF parameters from a target decryption time, not set them).
/// </summary>
internal sealed class KeePassXc
{
    private const string Cli = "/usr/bin/keepassxc-cli";
    private const string Python = "/usr/bin/python3";

    private KeePassXc(string database) => Database = database;

    public string Database { get; }

    /// <summary>Why keepassxc cannot be measured here, or null when it can.</summary>
    public static string? Unavailable()
    {
        if (!File.Exists(Cli))
        {
            return "keepassxc-cli is not installed (apt-get install keepassxc)";
        }

        ChildResult probe = ChildProcess.Run(Python, ["-c", "import pykeepass"]);
        return probe.ExitCode == 0 ? null : "python3-pykeepass is not installed (apt-get install python3-pykeepass)";
    }

    /// <summary>A new KDBX of <paramref name="entries"/> bench logins under the bench password and <paramref name="kdf"/>.</summary>
    public static KeePassXc Create(string path, int entries, KdfParameters kdf)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "Scripts", "make_kdbx.py");
        ChildProcess.RunChecked(Python, [script, path, Invariant(entries), Invariant(kdf.MemoryKiB), Invariant(kdf.Passes), Invariant(kdf.Lanes)],
            new Dictionary<string, string?> { ["MSECURE_BENCH_PASSWORD"] = BenchVaults.Password });
        return new KeePassXc(path);
    }

    /// <summary>`keepassxc-cli show -q -s -a Password &lt;db&gt; &lt;entry&gt;`, the password on standard input: one whole process.</summary>
    public ChildResult ShowPassword(string entry) =>
        ChildProcess.Run(Cli, ["show", "-q", "-s", "-a", "Password", Database, entry], standardInput: BenchVaults.Password + "\n");

    private static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
