using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace MSecure.SecretBench;

/// <summary>What a finished child process printed and how long it ran, start to exit.</summary>
internal sealed record ChildResult(int ExitCode, string Output, string Error, double Milliseconds);

/// <summary>Runs one child process to its end, timed from start to exit (the whole process, nothing cached between runs).</summary>
internal static class ChildProcess
{
    public static ChildResult Run(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? standardInput = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Plain error text (no ANSI colours) in what a failure quotes.
        start.Environment["NO_COLOR"] = "1";
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
        }

        process.StandardInput.Close();
        process.WaitForExit();
        clock.Stop();
        return new ChildResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult(), clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Runs and throws, quoting the tail of its error output, unless it exited with 0.</summary>
    public static ChildResult RunChecked(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? standardInput = null, string? workingDirectory = null)
    {
        ChildResult result = Run(fileName, arguments, environment, standardInput, workingDirectory);
        if (result.ExitCode != 0)
        {
            string error = result.Error.Length > 2000 ? result.Error[^2000..] : result.Error;
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} exited with {result.ExitCode}: {error.Trim()} {(error.Length == 0 ? result.Output.Trim() : string.Empty)}");
        }

        return result;
    }
}
