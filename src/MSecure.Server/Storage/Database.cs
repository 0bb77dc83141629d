using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace MSecure.Server.Storage;

/// <summary>
/// One relational database behind the server: SQLite or PostgreSQL over ADO.NET. The stores share
/// their SQL (both dialects take @name parameters, ON CONFLICT and DELETE ... RETURNING); this
/// class holds the few places where the dialects differ.
/// </summary>
internal abstract class Database : IDisposable
{
    /// <summary>PostgreSQL when the settings name one, else SQLite in the data folder.</summary>
    public static Database Create(ServerSettings settings) => settings.PostgresConnectionString is { } postgres
        ? new PostgresDatabase(postgres)
        : new SqliteDatabase(settings.DataDirectory);

    /// <summary>"sqlite" or "postgres", as benchmarks and logs name it.</summary>
    public abstract string Name { get; }

    /// <summary>The column type of byte strings (BLOB or bytea).</summary>
    public abstract string BlobType { get; }

    /// <summary>Opens a pooled connection.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="exception"/> is a unique or primary key violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Serializes migrations of concurrent starts for the rest of <paramref name="transaction"/>.</summary>
    public abstract Task LockForMigrationAsync(DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Begins a write transaction (SQLite: BEGIN IMMEDIATE, so writers never deadlock upgrading a read lock).</summary>
    public virtual ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(cancellationToken);

    /// <summary>Releases pooled connections.</summary>
    public abstract void Dispose();

    /// <summary>A command with @name parameters bound from (name, value) pairs; null binds SQL NULL.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
