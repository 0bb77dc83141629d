using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace MSecure.Core.Tests.Vault;

/// <summary>
/// A separate process running tests/MSecure.VaultTestWorker, its output read line by line. This part
/// (process, output, kill) is shared by the test projects that start workers (linked into
/// MSecure.Sync.Tests); each project adds the verbs it starts in its own part.
/// </summary>
internal sealed partial class VaultWorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly StringBuilder _errors = new();

    private VaultWorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.CompleteAdding();
            }
            else
            {
                _lines.Add(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The worker's dll, recorded at build time by the test project.</summary>
    public static string WorkerPath
    {
        get
        {
            string path = typeof(VaultWorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "VaultTestWorkerPath").Value!;
            return File.Exists(path) ? path : throw new FileNotFoundException("The vault test worker was not built.", path);
        }
    }

    /// <summary>Starts the worker with <paramref name="arguments"/> (its verb first), the password in its environment.</summary>
    internal static VaultWorkerProcess StartWorker(IEnumerable<string> arguments, string password, bool globalizationInvariant, bool holdWhenDone)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WorkerPath);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MSECURE_TEST_PASSWORD"] = password;
        if (globalizationInvariant)
        {
            start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        }

        if (holdWhenDone)
        {
            start.Environment["MSECURE_TEST_HOLD"] = "1";
        }

        return new VaultWorkerProcess(Process.Start(start)!);
    }

    /// <summary>The next line the worker printed, or null at its end or after <paramref name="timeout"/>.</summary>
    public string? ReadLine(TimeSpan timeout) =>
        _lines.TryTake(out string? line, timeout) ? line : null;

    /// <summary>Every line still to come, until the worker's output ends.</summary>
    public string[] ReadToEnd(TimeSpan timeout)
    {
        var rest = new System.Collections.Generic.List<string>();
        while (ReadLine(timeout) is { } line)
        {
            rest.Add(line);
        }

        return [.. rest];
    }

    /// <summary>Kills the worker with SIGKILL (on Unix): no finalizer, no exit handler, no SQLite close runs.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("The vault test worker did not finish in time. " + Errors);
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _lines.Dispose();
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
