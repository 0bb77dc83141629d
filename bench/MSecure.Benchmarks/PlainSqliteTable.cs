using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace MSecure.Benchmarks;

/// <summary>What the plain table returns for a listing: the columns of a vault record summary.</summary>
internal sealed record PlainSummary(Guid Id, long Revision, string Name, string Template, string[] Tags, bool IsFavorite, DateTimeOffset ModifiedAt);

/// <summary>
/// The vault benchmark's baseline: the same logins, unencrypted, in one plain SQLite table with
/// an index on the name, through the same Microsoft.Data.Sqlite and connection settings as the
/// vault (no pooling, WAL, synchronous=FULL, a busy timeout). Names compare ignoring case, as
/// the vault's lookups do; listings are sorted by name.
/// </summary>
internal sealed class PlainSqliteTable : IDisposable
{
    private const string Columns = "id, revision, name, template, tags, favorite, modified_at";

    private readonly SqliteConnection _connection;

    private PlainSqliteTable(string path)
    {
        SQLitePCL.Batteries_V2.Init();
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        Execute("PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    }

    /// <summary>A new file holding the empty table and its name index.</summary>
    public static PlainSqliteTable Create(string path)
    {
        var table = new PlainSqliteTable(path);
        table.Execute(
            "CREATE TABLE logins (id BLOB PRIMARY KEY, revision INTEGER NOT NULL, name TEXT NOT NULL COLLATE NOCASE, " +
            "template TEXT NOT NULL, username TEXT NOT NULL, password TEXT NOT NULL, website TEXT NOT NULL, notes TEXT NOT NULL, " +
            "tags TEXT NOT NULL, favorite INTEGER NOT NULL, modified_at INTEGER NOT NULL);" +
            "CREATE INDEX logins_name ON logins (name COLLATE NOCASE);");
        return table;
    }

    /// <summary>Opens an existing file: the connection, its settings and the schema read.</summary>
    public static PlainSqliteTable Open(string path)
    {
        var table = new PlainSqliteTable(path);
        table.Execute("SELECT count(*) FROM sqlite_schema;");
        return table;
    }

    /// <summary>Inserts every row in one transaction with one prepared statement.</summary>
    public void InsertAll(IReadOnlyList<LoginRow> rows)
    {
        using SqliteTransaction transaction = _connection.BeginTransaction();
        using SqliteCommand insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            "INSERT INTO logins (id, revision, name, template, username, password, website, notes, tags, favorite, modified_at) " +
            "VALUES ($id, 1, $name, 'Login', $username, $password, $website, $notes, $tags, $favorite, $modified)";
        SqliteParameter id = insert.Parameters.Add("$id", SqliteType.Blob);
        SqliteParameter name = insert.Parameters.Add("$name", SqliteType.Text);
        SqliteParameter username = insert.Parameters.Add("$username", SqliteType.Text);
        SqliteParameter password = insert.Parameters.Add("$password", SqliteType.Text);
        SqliteParameter website = insert.Parameters.Add("$website", SqliteType.Text);
        SqliteParameter notes = insert.Parameters.Add("$notes", SqliteType.Text);
        SqliteParameter tags = insert.Parameters.Add("$tags", SqliteType.Text);
        SqliteParameter favorite = insert.Parameters.Add("$favorite", SqliteType.Integer);
        SqliteParameter modified = insert.Parameters.Add("$modified", SqliteType.Integer);
        insert.Prepare();
        foreach (LoginRow row in rows)
        {
            id.Value = Guid.NewGuid().ToByteArray(bigEndian: true);
            name.Value = row.Name;
            username.Value = row.UserName;
            password.Value = row.Password;
            website.Value = row.Website;
            notes.Value = row.Notes;
            tags.Value = row.Tag;
            favorite.Value = row.IsFavorite;
            modified.Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The whole row named <paramref name="name"/> (ignoring case), or null.</summary>
    public LoginRow? FindByName(string name)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = "SELECT name, username, password, website, notes, tags, favorite FROM logins WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read()
            ? new LoginRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetBoolean(6))
            : null;
    }

    /// <summary>The summaries of all rows, or of those whose name is LIKE <paramref name="likePattern"/>, sorted by name.</summary>
    public List<PlainSummary> Search(string? likePattern)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = likePattern is null
            ? $"SELECT {Columns} FROM logins ORDER BY name"
            : $"SELECT {Columns} FROM logins WHERE name LIKE $pattern ORDER BY name";
        if (likePattern is not null)
        {
            command.Parameters.AddWithValue("$pattern", likePattern);
        }

        var summaries = new List<PlainSummary>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            summaries.Add(new PlainSummary(
                new Guid(reader.GetFieldValue<byte[]>(0), bigEndian: true),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4).Split(','),
                reader.GetBoolean(5),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }

        return summaries;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
