using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Accounts;
using MSecure.Core.Cryptography;
using MSecure.Core.Sync;
using MSecure.Core.Vault;
using MSecure.Server;

namespace MSecure.SyncBench;

/// <summary>A real account server in this process (HTTPS on loopback, no rate limits), on SQLite or a PostgreSQL database.</summary>
internal sealed class ServerBenchTransport : IBenchTransport, IAsyncDisposable
{
    private readonly RunningServer _server;
    private readonly string _dataDirectory;
    private int _devices;

    private ServerBenchTransport(string name, RunningServer server, string dataDirectory)
    {
        Name = name;
        _server = server;
        _dataDirectory = dataDirectory;
    }

    public string Name { get; }

    public static async Task<ServerBenchTransport> StartAsync(string name, string? postgres)
    {
        string dataDirectory = Path.Combine(Path.GetTempPath(), "msecure-sync-bench-server-" + Guid.NewGuid().ToString("N"));
        var settings = new ServerSettings
        {
            DataDirectory = dataDirectory,
            Port = 0,
            PostgresConnectionString = postgres,
            RateLimitPerAddress = int.MaxValue,
            RateLimitPerAccount = int.MaxValue,
            RateLimitSyncPerAccount = int.MaxValue,
            ConfigurationArguments = ["--Logging:LogLevel:Default=Warning"],
        };
        return new ServerBenchTransport(name, await MSecureServer.StartAsync(settings, CancellationToken.None), dataDirectory);
    }

    public VaultCreation CreateFirst(string path, string email)
    {
        VaultCreation creation = VaultFile.Create(path, email, BenchVaults.Password, KdfParameters.Minimum);
        creation.Session.RegisterAccount(_server.BaseAddress, _server.CertificateFingerprint, DeviceName());
        return creation;
    }

    public VaultCreation Enroll(string path, string email, string kitText) =>
        AccountEnrollment.Enroll(path, _server.BaseAddress, _server.CertificateFingerprint, email, kitText, BenchVaults.Password, DeviceName());

    public SyncResult Sync(VaultSession session) => session.Sync();

    private string DeviceName() => string.Create(CultureInfo.InvariantCulture, $"bench{Interlocked.Increment(ref _devices)}");

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
