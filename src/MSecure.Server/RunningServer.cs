using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace MSecure.Server;

/// <summary>A started server; disposing it stops it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningServer(WebApplication app, Uri baseAddress, string certificateFingerprint)
    {
        _app = app;
        BaseAddress = baseAddress;
        CertificateFingerprint = certificateFingerprint;
    }

    /// <summary>Where the server listens, for example https://127.0.0.1:8443/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The SHA-256 fingerprint of the TLS certificate: 64 uppercase hex digits (empty over plain HTTP).</summary>
    public string CertificateFingerprint { get; }

    /// <summary>Completes when the server is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <summary>Stops the server and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
