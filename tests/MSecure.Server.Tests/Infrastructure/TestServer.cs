using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Text;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Npgsql;

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
        RateLimitSyncPerAccount = 1_000_000,
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
        await using DbConnection connection = await OpenDatabaseAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row of <paramref name="sql"/>, as bytes.</summary>
    public async Task<IReadOnlyList<byte[]>> ReadBlobsAsync(string sql)
    {
        await using DbConnection connection = await OpenDatabaseAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var values = new List<byte[]>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<byte[]>(0));
        }

        return values;
    }

    /// <summary>Every value of every server table as text (byte strings as base64, hex and UTF-8), for leak searches.</summary>
    public async Task<string> DumpTextAsync()
    {
        var dump = new StringBuilder();
        await using DbConnection connection = await OpenDatabaseAsync();
        foreach (string table in new[] { "accounts", "retired_keys", "devices", "tokens", "challenges", "invites", "sync_sequences", "sync_changes", "access_keys", "access_grants", "schema_migrations" })
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM " + table;
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    object value = reader.GetValue(i);
                    dump.Append(table).Append('.').Append(reader.GetName(i)).Append('=');
                    dump.AppendLine(value is byte[] bytes
                        ? $"{Convert.ToBase64String(bytes)} {Convert.ToHexString(bytes)} {Encoding.UTF8.GetString(bytes)}"
                        : Convert.ToString(value, CultureInfo.InvariantCulture));
                }
            }
        }

        return dump.ToString();
    }

    private async Task<DbConnection> OpenDatabaseAsync()
    {
        DbConnection connection = _postgres is not null
            ? new NpgsqlConnection(_postgres.ConnectionString)
            : new SqliteConnection($"Data Source={Path.Combine(Settings.DataDirectory, "msecure-server.db")}");
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Settings.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
