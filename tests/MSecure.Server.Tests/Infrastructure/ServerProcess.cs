using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MSecure.Server.Tests.Infrastructure;

/// <summary>
/// A real msecure-server process (`dotnet msecure-server.dll …`), its stdout and stderr captured in
/// full; ready once it printed its two start lines.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<(Uri, string)> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _address;
    private bool _disposed;

    private ServerProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public string Fingerprint { get; private set; } = null!;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string ServerDll =>
        typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerDllPath").Value!;

    public static async Task<ServerProcess> StartAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ServerDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("MSECURE_SERVER_POSTGRES");
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Task exited = process.WaitForExitAsync(timeout.Token);
        Task first = await Task.WhenAny(server._ready.Task, exited);
        if (first != server._ready.Task)
        {
            Assert.Fail($"msecure-server did not start:\n{server.Output}");
        }

        (server.BaseAddress, server.Fingerprint) = await server._ready.Task;
        return server;
    }

    /// <summary>Runs msecure-server to completion (a subcommand) and returns its exit code and stdout lines.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ServerDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        _ = await stderr;
        return (process.ExitCode, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        Match listening = ListeningLine().Match(line);
        if (listening.Success)
        {
            _address = listening.Groups[1].Value;
        }

        Match fingerprint = FingerprintLine().Match(line);
        if (fingerprint.Success && _address is not null)
        {
            _ready.TrySetResult((new Uri(_address + "/"), fingerprint.Groups[1].Value));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            // SIGTERM: the host stops gracefully (and flushes its logs).
            _ = SendSignal(_process.Id, SigTerm);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int processId, int signal);

    [GeneratedRegex(@"^MSecure server listening on (https://127\.0\.0\.1:\d+)$")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^Certificate SHA-256 fingerprint: ([0-9A-F]{64})$")]
    private static partial Regex FingerprintLine();
}
