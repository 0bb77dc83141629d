using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MSecure.Server.Tests.Infrastructure;

/// <summary>
/// A real server in this process (real Kestrel, real HTTPS on 127.0.0.1, a free port) over a fresh
/// SQLite folder or a fresh PostgreSQL database, with a client pinned to its certificate.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _postgres;

    private TestServer(RunningServer server, ServerSettings settings, PostgresTestDatabase? postgres)
    {
        Server = server;
        Settings = settings;
        _postgres = postgres;
        Http = PinnedHttpClient.Create(server.BaseAddress, server.CertificateFingerprint);
        Client = new ProtocolClient(Http);
    }

    public RunningServer Server { get; }

    public ServerSettings Settings { get; }

    public HttpClient Http { get; }

    public ProtocolClient Client { get; }

    public PostgresTestDatabase? Postgres => _postgres;

    /// <summary>Settings for a test: a temp data folder, a free port, limits high enough for any test.</summary>
    public static ServerSettings DefaultSettings() => new()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "msecure-server-test-" + Guid.NewGuid().ToString("N")),
        Port = 0,
        RateLimitPerAddress = 1_000_000,
        RateLimitPerAccount = 1_000_000,
    };

    public static async Task<TestServer> StartAsync(string database, Func<ServerSettings, ServerSettings>? configure = null)
    {
        PostgresTestDatabase? postgres = database == TestDatabases.Postgres ? await PostgresTestDatabase.CreateAsync() : null;
        ServerSettings settings = DefaultSettings() with { PostgresConnectionString = postgres?.ConnectionString };
        settings = configure?.Invoke(settings) ?? settings;
        RunningServer server = await MSecureServer.StartAsync(settings, CancellationToken.None);
        return new TestServer(server, settings, postgres);
    }

    /// <summary>Runs SQL against the server's database behind its back (to break it on purpose).</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        if (_postgres is not null)
        {
            await _postgres.ExecuteAsync(sql);
            return;
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Settings.DataDirectory, "msecure-server.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Settings.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
