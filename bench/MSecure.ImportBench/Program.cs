using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace MSecure.ImportBench;

/// <summary>
/// Imports 10,000 and 100,000 rows of mSecure CSV and of Bitwarden JSON, each case in a child
/// process of its own (its peak working set is the case's), and prints
/// <c>import &lt;format&gt; rows=&lt;n&gt; rows_per_s=&lt;n&gt; peak_mb=&lt;n&gt;</c> with ratios to two
/// baselines measured in the same run: <c>addmany</c> (VaultSession.AddMany of the same records: the
/// plain write path, all records in memory) and <c>engine</c> (the import engine fed the same records
/// without a file). A flat memory shows as the same peak at 10,000 and 100,000 rows.
/// Usage: MSecure.ImportBench [rows …] (default 10000 100000). Internal: --child &lt;case&gt; &lt;rows&gt; &lt;folder&gt; [file].
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Thread.CurrentThread.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length >= 4 && args[0] == "--child")
        {
            return ImportCase.RunChild(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3], args.Length > 4 ? args[4] : null);
        }

        int[] counts = args.Length > 0 ? [.. args.Select(arg => int.Parse(arg, CultureInfo.InvariantCulture))] : [10_000, 100_000];
        string folder = Path.Combine(Path.GetTempPath(), "msecure-importbench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var peaks = new Dictionary<string, List<(int Rows, double PeakMb)>>(StringComparer.Ordinal);
            foreach (int rows in counts)
            {
                Measurement addMany = Child("addmany", rows, folder, null);
                Print("baseline addmany", rows, addMany, null);
                Measurement engine = Child("engine", rows, folder, null);
                Print("import engine", rows, engine, addMany);
                Remember(peaks, "engine", rows, engine);
                foreach (string format in BenchFiles.Formats)
                {
                    string file = Path.Combine(folder, format + "-" + rows.ToString(CultureInfo.InvariantCulture));
                    string? skipped = BenchFiles.Write(format, file, rows);
                    if (skipped is not null)
                    {
                        Console.WriteLine($"import {format} rows={rows} skipped: {skipped}");
                        continue;
                    }

                    Measurement imported = Child("file", rows, folder, format + ":" + file);
                    if (imported.Failure is not null)
                    {
                        Console.WriteLine($"import {format} rows={rows} skipped: {imported.Failure}");
                    }
                    else
                    {
                        Print("import " + format, rows, imported, addMany, engine);
                        Remember(peaks, format, rows, imported);
                    }

                    File.Delete(file);
                }
            }

            foreach ((string name, List<(int Rows, double PeakMb)> samples) in peaks)
            {
                if (samples.Count >= 2)
                {
                    (int firstRows, double firstPeak) = samples[0];
                    (int lastRows, double lastPeak) = samples[^1];
                    Console.WriteLine($"flatness {name} peak_mb_{firstRows}={firstPeak:0} peak_mb_{lastRows}={lastPeak:0} ratio={lastPeak / firstPeak:0.00} rows_ratio={(double)lastRows / firstRows:0}");
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Remember(Dictionary<string, List<(int, double)>> peaks, string name, int rows, Measurement measurement)
    {
        if (!peaks.TryGetValue(name, out List<(int, double)>? list))
        {
            peaks[name] = list = [];
        }

        list.Add((rows, measurement.PeakMb));
    }

    private static void Print(string label, int rows, Measurement measurement, Measurement? addMany, Measurement? engine = null)
    {
        if (measurement.Failure is not null)
        {
            Console.WriteLine($"{label} rows={rows} failed: {measurement.Failure}");
            return;
        }

        // cpu_rows_per_s: rows per second of the process's CPU time (all threads), which a machine busy with other work does not change.
        string line = $"{label} rows={rows} rows_per_s={measurement.RowsPerSecond:0} peak_mb={measurement.PeakMb:0} cpu_rows_per_s={measurement.CpuRowsPerSecond:0}";
        if (addMany is { Failure: null })
        {
            line += $" ratio_to_addmany={measurement.RowsPerSecond / addMany.RowsPerSecond:0.00}";
        }

        if (engine is { Failure: null })
        {
            line += $" ratio_to_engine={measurement.RowsPerSecond / engine.RowsPerSecond:0.00}";
        }

        Console.WriteLine(line);
    }

    private static Measurement Child(string name, int rows, string folder, string? file)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "--child", name, rows.ToString(CultureInfo.InvariantCulture), folder })
        {
            start.ArgumentList.Add(arg);
        }

        if (file is not null)
        {
            start.ArgumentList.Add(file);
        }

        using Process process = Process.Start(start)!;
        System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return Measurement.Parse(output, error.Result, process.ExitCode);
    }
}
