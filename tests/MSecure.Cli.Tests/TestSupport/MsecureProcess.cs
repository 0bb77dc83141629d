using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace MSecure.Cli.Tests.TestSupport;

/// <summary>What one msecure process did.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
}

/// <summary>
/// Runs the real built msecure (`dotnet msecure.dll`) as a separate process, with an environment
/// cleared of every MSECURE_* and CI variable of the test run, plus the ones a test gives.
/// </summary>
internal sealed class MsecureProcess : IDisposable
{
    private static readonly string[] InheritedVariablesRemoved = ["GITHUB_ACTIONS", "TF_BUILD"];
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private MsecureProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The msecure dll, recorded at build time by the test project.</summary>
    internal static string DllPath
    {
        get
        {
            string path = typeof(MsecureProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "MsecureDllPath").Value!;
            return File.Exists(path) ? path : throw new FileNotFoundException("msecure was not built.", path);
        }
    }

    internal int Id => _process.Id;

    /// <summary>Runs msecure to its end.</summary>
    internal static CliResult Run(IReadOnlyDictionary<string, string?> environment, string? standardInput, params string[] arguments)
    {
        using MsecureProcess process = Start(environment, standardInput, arguments);
        return process.WaitForResult(TimeSpan.FromSeconds(60));
    }

    /// <summary>Starts msecure; standard input is written and closed unless <paramref name="keepInputOpen"/>.</summary>
    internal static MsecureProcess Start(IReadOnlyDictionary<string, string?> environment, string? standardInput, string[] arguments, bool keepInputOpen = false)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSECURE_", StringComparison.Ordinal) || InheritedVariablesRemoved.Contains(k)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string? value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new MsecureProcess(Process.Start(start)!);
        if (standardInput is not null)
        {
            process._process.StandardInput.Write(standardInput);
        }

        if (!keepInputOpen)
        {
            process._process.StandardInput.Close();
        }

        return process;
    }

    internal CliResult WaitForResult(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("msecure did not finish in time.");
        }

        _process.WaitForExit();
        return new CliResult(_process.ExitCode, _output.Result, _error.Result);
    }

    /// <summary>SIGKILL: no finalizer, no exit handler, no SQLite close runs.</summary>
    internal void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
