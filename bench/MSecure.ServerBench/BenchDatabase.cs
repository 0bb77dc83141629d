using System;
using System.Threading.Tasks;
using Npgsql;

namespace MSecure.ServerBench;

/// <summary>A throw-away PostgreSQL database for one run, made on the server MSECURE_TEST_POSTGRES names and dropped after.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;
    private readonly string _name;

    private BenchDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string adminConnectionString)
    {
        string name = "msecure_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE {name}");
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name };
        return new BenchDatabase(adminConnectionString, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
