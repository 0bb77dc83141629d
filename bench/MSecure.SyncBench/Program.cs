using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using MSecure.ServerBench;
using MSecure.SyncBench;

// Sync through the real server (SQLite; PostgreSQL with MSECURE_TEST_POSTGRES) and through a
// folder. Options: --records n (the full sync's size and the largest incremental size, 100000),
// --repeats n (empty devices the full sync is measured on, 3; 1 on PostgreSQL).
Options options = Options.Parse(args);
string directory = Path.Combine(Path.GetTempPath(), "msecure-sync-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
Console.WriteLine(FormattableString.Invariant(
    $"# sync bench: {Environment.ProcessorCount} cores (devices and server share them), KDF minimum (excluded), full sync measured on {options.Repeats} empty devices, incremental = median of 7 rounds of 10 updated records; ratios = sync ms / local baseline ms of the same records"));
try
{
    await using (ServerBenchTransport sqlite = await ServerBenchTransport.StartAsync("server", postgres: null))
    {
        Run(new SyncCases(sqlite, directory), options, incrementalSizes: true);
    }

    Run(new SyncCases(new FolderBenchTransport(), directory), options, incrementalSizes: true);

    string? postgresAdmin = Environment.GetEnvironmentVariable("MSECURE_TEST_POSTGRES");
    if (!string.IsNullOrWhiteSpace(postgresAdmin))
    {
        await using BenchDatabase database = await BenchDatabase.CreateAsync(postgresAdmin);
        await using ServerBenchTransport postgres = await ServerBenchTransport.StartAsync("server-postgres", database.ConnectionString);
        // Push and pull throughput at the full size only, on one empty device: CI time stays modest.
        Run(new SyncCases(postgres, directory), options with { Repeats = 1 }, incrementalSizes: false);
    }
    else
    {
        Console.WriteLine("# server-postgres: skipped (MSECURE_TEST_POSTGRES is not set)");
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static void Run(SyncCases cases, Options options, bool incrementalSizes)
{
    if (incrementalSizes)
    {
        foreach (int size in new[] { 1_000, 10_000 })
        {
            if (size < options.Records)
            {
                cases.Incremental(size);
            }
        }
    }

    cases.Full(options.Records, options.Repeats);
}

/// <summary>Command-line options.</summary>
internal sealed record Options(int Records, int Repeats)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal) { ["--records"] = 100_000, ["--repeats"] = 3 };
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]))
            {
                throw new ArgumentException($"Unknown option {args[i]}; known: {string.Join(", ", values.Keys)}.");
            }

            values[args[i]] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }

        return new Options(values["--records"], values["--repeats"]);
    }
}
