using System;
using System.IO;
using Microsoft.Data.Sqlite;
using MSecure.Accounts.Tests;

namespace MSecure.Sync.Tests.Support;

/// <summary>
/// The running server's SQLite database, written behind its back: a server that replays, drops,
/// swaps or forges changes, or was restored from an old backup. Rows are found by record id and
/// revision (record ids are random, so unique across accounts).
/// </summary>
internal sealed class ServerDatabase(AccountServerHost host)
{
    private string Path => System.IO.Path.Combine(host.Settings.DataDirectory, "msecure-server.db");

    /// <summary>The account, sequence and envelope of a record's revision.</summary>
    public (string Account, long Sequence, byte[] Envelope) Change(Guid record, long revision)
    {
        using SqliteConnection connection = Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT account_id, sequence, envelope FROM sync_changes WHERE lower(record_id) = lower($r) AND revision = $v;";
        command.Parameters.AddWithValue("$r", record.ToString());
        command.Parameters.AddWithValue("$v", revision);
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetInt64(1), (byte[])reader[2])
            : throw new InvalidOperationException($"the server holds no revision {revision} of {record}");
    }

    /// <summary>The account's highest sequence.</summary>
    public long LastSequence(string account) =>
        (long)Scalar("SELECT last_sequence FROM sync_sequences WHERE account_id = $a;", ("$a", account))!;

    public int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteConnection connection = Open();
        using SqliteCommand command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteConnection connection = Open();
        using SqliteCommand command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private SqliteConnection Open()
    {
        if (!File.Exists(Path))
        {
            throw new FileNotFoundException("The server's SQLite database is not where the test expects it.", Path);
        }

        SQLitePCL.Batteries_V2.Init();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }
}
