using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Accounts;
using MSecure.Core.Tests.TestSupport;
using MSecure.Server;
using MSecure.Server.Tests.Infrastructure;

namespace MSecure.Accounts.Tests;

/// <summary>A real account server (Kestrel, HTTPS, 127.0.0.1, a free port) in a private data folder; restartable on the same port and data.</summary>
internal sealed class AccountServerHost : IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private RunningServer? _server;
    private PostgresTestDatabase? _postgres;

    private AccountServerHost(ServerSettings settings) => Settings = settings;

    public ServerSettings Settings { get; private set; }

    public Uri Server { get; private set; } = null!;

    public string Fingerprint { get; private set; } = string.Empty;

    /// <summary>Fast retries, so a stopped server fails quickly.</summary>
    public static AccountServerOptions ClientOptions { get; } = new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        RequestTimeout = TimeSpan.FromSeconds(20),
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>A server on <paramref name="database"/> (<see cref="TestDatabases.Sqlite"/> or <see cref="TestDatabases.Postgres"/>, a fresh database).</summary>
    public static async Task<AccountServerHost> StartAsync(string database, Func<ServerSettings, ServerSettings>? configure = null)
    {
        var host = new AccountServerHost(null!);
        if (database == TestDatabases.Postgres)
        {
            host._postgres = await PostgresTestDatabase.CreateAsync();
        }

        var settings = new ServerSettings
        {
            DataDirectory = Path.Combine(host._data.Path, "server"),
            Port = 0,
            PostgresConnectionString = host._postgres?.ConnectionString,
            ConfigurationArguments = ["--Logging:LogLevel:Default=Warning"],
        };
        host.Settings = configure is null ? settings : configure(settings);
        await host.StartAsync();
        return host;
    }

    /// <summary>Starts (again) with the same settings; after the first start, on the same port.</summary>
    public async Task StartAsync()
    {
        _server = await MSecureServer.StartAsync(Settings, CancellationToken.None);
        Server = _server.BaseAddress;
        Fingerprint = _server.CertificateFingerprint;
        Settings = Settings with { Port = Server.Port };
    }

    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    public string VaultFolder(string name)
    {
        string folder = Path.Combine(_data.Path, name);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return folder;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _data.Dispose();
    }
}
