using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MSecure.SecretBench;

// Issue 9's measures, each against a baseline measured in this run (see the case classes):
// SecretManagement (Set-Secret/Get-Secret), a fresh pwsh reading one secret, `msecure read` in a
// large vault beside keepassxc-cli. Options: --secrets n (largest SecretManagement size, 5000),
// --reads n (Get-Secret calls per size, 200), --runs n (timed runs per fresh-process variant, 5),
// --records n (records in the CLI's vault and the KDBX, 100000), --case all|secretmanagement|fresh|cli (all).
Options options = Options.Parse(args);
string repositoryRoot = RepositoryRoot();
string moduleManifest = Path.Combine(repositoryRoot, "out", "MSecure", "MSecure.psd1");
if (!File.Exists(moduleManifest))
{
    throw new InvalidOperationException($"{moduleManifest} is missing: build the solution first.");
}

string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "msecure-secret-bench-" + Guid.NewGuid().ToString("N"))).FullName;
try
{
    Pwsh pwsh = Pwsh.Locate(repositoryRoot);
    Report.Note(FormattableString.Invariant(
        $"secret bench: {Environment.ProcessorCount} cores, pwsh {pwsh.Executable}, default KDF; ratio = ms / baseline ms (below 1: faster); options {options}"));
    if (options.Includes("secretmanagement"))
    {
        new SecretManagementCases(pwsh, moduleManifest, directory, options).Run();
    }

    if (options.Includes("fresh"))
    {
        new FreshProcessCases(pwsh, moduleManifest, directory, options).Run();
    }

    if (options.Includes("cli"))
    {
        new CliReadCases(MSecureCli(), directory, options).Run();
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}

// msecure: MSECURE_BENCH_CLI (e.g. a Native AOT publish), else the apphost the bench's build made.
static string MSecureCli()
{
    string? chosen = Environment.GetEnvironmentVariable("MSECURE_BENCH_CLI");
    string path = !string.IsNullOrWhiteSpace(chosen) ? Path.GetFullPath(chosen) : typeof(Options).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false).Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "MSecureCli").Value!;
    return File.Exists(path) ? path : throw new InvalidOperationException($"msecure is not at {path}: build the solution first.");
}

// The folder holding MSecure.PowerShell.sln, above the bench's output folder.
static string RepositoryRoot()
{
    for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "MSecure.PowerShell.sln")))
        {
            return folder.FullName;
        }
    }

    throw new InvalidOperationException("MSecure.PowerShell.sln is not above " + AppContext.BaseDirectory);
}

/// <summary>Command-line options.</summary>
internal sealed record Options(int Secrets, int Reads, int Runs, int Records, string Case)
{
    private static readonly string[] Cases = ["all", "secretmanagement", "fresh", "cli"];

    /// <summary>Whether <paramref name="name"/> is one of the cases to run.</summary>
    public bool Includes(string name) => Case == "all" || Case == name;

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal) { ["--secrets"] = 5_000, ["--reads"] = 200, ["--runs"] = 5, ["--records"] = 100_000 };
        string selected = "all";
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || (args[i] != "--case" && !values.ContainsKey(args[i])))
            {
                throw new ArgumentException($"Unknown option or missing value: {args[i]}; known: --case, {string.Join(", ", values.Keys)}.");
            }

            if (args[i] == "--case")
            {
                selected = Array.Find(Cases, name => name == args[i + 1]) ?? throw new ArgumentException($"--case is one of {string.Join(", ", Cases)}.");
            }
            else
            {
                values[args[i]] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        return new Options(values["--secrets"], values["--reads"], values["--runs"], values["--records"], selected);
    }
}
