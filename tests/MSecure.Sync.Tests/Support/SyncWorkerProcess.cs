using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace MSecure.Sync.Tests.Support;

/// <summary>
/// tests/MSecure.VaultTestWorker running <c>sync &lt;vault&gt; [&lt;folder&gt;]</c> in its own process: it prints
/// "syncing", one "progress …" line per progress report and "synced …" at the end, each flushed.
/// </summary>
internal sealed class SyncWorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly StringBuilder _errors = new();

    private SyncWorkerProcess(Process process)
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

    /// <summary>Syncs <paramref name="vaultPath"/> with its server, or through <paramref name="folder"/> when given.</summary>
    public static SyncWorkerProcess Start(string vaultPath, string? folder)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WorkerPath);
        start.ArgumentList.Add("sync");
        start.ArgumentList.Add(vaultPath);
        if (folder is not null)
        {
            start.ArgumentList.Add(folder);
        }

        start.Environment["MSECURE_TEST_PASSWORD"] = SyncAccount.Password;
        return new SyncWorkerProcess(Process.Start(start)!);
    }

    /// <summary>The next line the worker printed, or null at its end or after <paramref name="timeout"/>.</summary>
    public string? ReadLine(TimeSpan timeout) => _lines.TryTake(out string? line, timeout) ? line : null;

    /// <summary>Kills the worker with SIGKILL: no finalizer, no exit handler, no SQLite close runs.</summary>
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
            Kill();
            throw new TimeoutException("The sync worker did not finish in time. " + Errors);
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.WaitForExit();
        _process.Dispose();
        _lines.Dispose();
    }

    private static string WorkerPath
    {
        get
        {
            string path = typeof(SyncWorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "VaultTestWorkerPath").Value!;
            return File.Exists(path) ? path : throw new FileNotFoundException("The vault test worker was not built.", path);
        }
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
