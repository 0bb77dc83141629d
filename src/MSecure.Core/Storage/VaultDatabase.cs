using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.Data.Sqlite;
using MSecure.Core.Errors;

namespace MSecure.Core.Storage;

/// <summary>
/// One connection to one vault file. WAL journal, synchronous=FULL, foreign keys on, a 10 s
/// busy timeout; every operation runs in one transaction, writes as BEGIN IMMEDIATE so that
/// concurrent writers (other processes included) queue for the lock instead of failing midway.
/// Commands are prepared once per connection and reused. Not thread-safe: one caller at a time.
/// </summary>
internal sealed class VaultDatabase : IDisposable
{
    /// <summary>How long a statement waits for another connection's lock before VaultBusy.</summary>
    internal static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;
    private bool _transactionWrites;
    private bool _companionsChecked;

    private VaultDatabase(string path, SqliteConnection connection, TimeSpan busyTimeout)
    {
        Path = path;
        Connection = connection;
        BusyTimeout = busyTimeout;
    }

    /// <summary>The vault file's full path.</summary>
    internal string Path { get; }

    /// <summary>The open connection.</summary>
    internal SqliteConnection Connection { get; }

    /// <summary>How long this connection waits for another's lock: SQLite's busy timeout, then as long again in Microsoft.Data.Sqlite's retries.</summary>
    internal TimeSpan BusyTimeout { get; }

    /// <summary>The transaction in progress, for commands built outside <see cref="Command"/>.</summary>
    internal SqliteTransaction? Transaction => _transaction;

    /// <summary>
    /// Creates a new vault file at <paramref name="path"/> (0600 on Unix, never over an existing
    /// file), builds the schema and runs <paramref name="initialize"/> in the same transaction.
    /// On any failure the new file is deleted again.
    /// </summary>
    /// <exception cref="MSecureException">VaultAlreadyExists; VaultStorageFailed when the file or its folder cannot be created.</exception>
    internal static VaultDatabase Create(string path, Action<VaultDatabase> initialize)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        SqliteRuntime.EnsureInitialized();
        try
        {
            VaultFilePermissions.EnsureDirectory(System.IO.Path.GetDirectoryName(path)!);
            VaultFilePermissions.EnsurePrivateFolder(path);
            VaultFilePermissions.CreateEmptyFile(path);
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path))
        {
            throw MSecureErrors.VaultAlreadyExists(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A parent that is a file, a folder without write permission, a read-only file system.
            throw MSecureErrors.VaultStorageFailed(path, "the file or its folder cannot be created (" + exception.GetType().Name + ").", exception);
        }

        VaultDatabase? database = null;
        try
        {
            database = new VaultDatabase(path, OpenConnection(path, DefaultBusyTimeout), DefaultBusyTimeout);
            database.Configure();
            database.Write(() =>
            {
                VaultSchema.Migrate(database.Connection, database._transaction!, 0, VaultSchema.Migrations);
                initialize(database);
            });
            VaultFilePermissions.RestrictVaultFiles(path);
            return database;
        }
        catch
        {
            database?.Dispose();
            VaultFilePermissions.DeleteVaultFiles(path);
            throw;
        }
    }

    /// <summary>
    /// Opens the vault file at <paramref name="path"/>, refusing what is not a vault, and brings
    /// an older schema up to date.
    /// </summary>
    /// <exception cref="MSecureException">VaultNotFound, VaultCorrupted, VaultSchemaTooNew, VaultBusy, VaultStorageFailed.</exception>
    internal static VaultDatabase Open(string path) => Open(path, VaultSchema.Migrations, DefaultBusyTimeout);

    /// <summary><see cref="Open(string)"/> with an explicit migration list and busy timeout (tests).</summary>
    internal static VaultDatabase Open(string path, IReadOnlyList<SchemaMigration> migrations, TimeSpan busyTimeout)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        SqliteRuntime.EnsureInitialized();
        DatabaseFileCheck.EnsureOpenable(path);
        VaultFilePermissions.EnsurePrivateFolder(path);
        VaultDatabase? database = null;
        try
        {
            // Before SQLite creates -wal and -shm, which take the vault file's mode.
            VaultFilePermissions.RestrictVaultFiles(path);
            database = new VaultDatabase(path, OpenConnection(path, busyTimeout), busyTimeout);
            database.CheckIdentity(migrations.Count);
            database.Configure();
            database.MigrateIfOlder(migrations);
            VaultFilePermissions.RestrictVaultFiles(path);
            return database;
        }
        catch (Exception exception) when (SqliteErrorTranslation.TranslateAny(exception, path, busyTimeout) is { } translated)
        {
            database?.Dispose();
            throw translated;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Restricting the file modes of a file owned by someone else, an I/O error.
            database?.Dispose();
            throw MSecureErrors.VaultStorageFailed(path, "it cannot be opened (" + exception.GetType().Name + ").", exception);
        }
        catch
        {
            database?.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a read transaction (joins one in progress).</summary>
    internal T Read<T>(Func<T> work) => Run(work, writes: false);

    /// <summary>Runs <paramref name="work"/> in a write transaction (BEGIN IMMEDIATE), committed when it returns.</summary>
    internal T Write<T>(Func<T> work) => Run(work, writes: true);

    /// <summary>Runs <paramref name="work"/> in a write transaction (BEGIN IMMEDIATE), committed when it returns.</summary>
    internal void Write(Action work) => Run<object?>(() => { work(); return null; }, writes: true);

    /// <summary>
    /// The prepared command for <paramref name="sql"/>, bound to the current transaction, its
    /// parameters cleared. Valid until the next call for the same text.
    /// </summary>
    internal SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out SqliteCommand? command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = _transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// PRAGMA data_version: changes when another connection committed since this connection last
    /// looked, never for this connection's own commits. Read inside a transaction, it belongs to
    /// that transaction's snapshot.
    /// </summary>
    internal long ReadDataVersion() => (long)Command("PRAGMA data_version;").ExecuteScalar()!;

    /// <summary>The schema version (PRAGMA user_version).</summary>
    internal int ReadSchemaVersion() => VaultSchema.ReadVersion(Connection, _transaction);

    /// <summary>Runs SQLite's full integrity check; an empty list means the file is sound.</summary>
    internal IReadOnlyList<string> CheckIntegrity()
    {
        var problems = new List<string>();
        Read(() =>
        {
            using SqliteCommand command = Connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = "PRAGMA integrity_check;";
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                string line = reader.GetString(0);
                if (!string.Equals(line, "ok", StringComparison.Ordinal))
                {
                    problems.Add(line);
                }
            }

            return 0;
        });
        return problems;
    }

    /// <summary>
    /// Copies the write-ahead log into the vault file and truncates it to zero bytes, waiting at most
    /// <paramref name="patience"/> for other connections (readers of older snapshots, a writer);
    /// when they do not finish, the log stays for them (the last connection to close checkpoints
    /// it). Never fails: the commits are durable in the log either way. Call only before closing.
    /// </summary>
    internal void TryCheckpoint(TimeSpan patience)
    {
        if (_transaction is not null)
        {
            return;
        }

        try
        {
            using SqliteCommand command = Connection.CreateCommand();
            command.CommandText = string.Format(CultureInfo.InvariantCulture,
                "PRAGMA busy_timeout = {0}; PRAGMA wal_checkpoint(TRUNCATE);", (int)patience.TotalMilliseconds);
            command.CommandTimeout = Math.Max(1, (int)Math.Ceiling(patience.TotalSeconds));
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Busy or an I/O error: the log remains, and SQLite replays it on the next open.
        }
    }

    /// <summary>Closes the connection; the last connection to close checkpoints the write-ahead log.</summary>
    public void Dispose()
    {
        foreach (SqliteCommand command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }

    private static SqliteConnection OpenConnection(string path, TimeSpan busyTimeout)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)busyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = string.Format(CultureInfo.InvariantCulture, "PRAGMA busy_timeout = {0};", (int)busyTimeout.TotalMilliseconds);
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Configure()
    {
        using SqliteCommand command = Connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
        command.ExecuteNonQuery();
    }

    private void CheckIdentity(int supportedVersion)
    {
        int applicationId = VaultSchema.ReadApplicationId(Connection);
        int version = VaultSchema.ReadVersion(Connection);
        if (applicationId != VaultSchema.ApplicationId)
        {
            throw MSecureErrors.VaultCorrupted(Path, applicationId == 0
                ? "it is a SQLite database, but holds no MSecure vault."
                : "it is a SQLite database of another application.");
        }

        if (version > supportedVersion)
        {
            throw MSecureErrors.VaultSchemaTooNew(Path, version, supportedVersion);
        }

        if (version < 1)
        {
            throw MSecureErrors.VaultCorrupted(Path, "its vault schema is missing.");
        }
    }

    private void MigrateIfOlder(IReadOnlyList<SchemaMigration> migrations)
    {
        if (ReadSchemaVersion() >= migrations.Count)
        {
            return;
        }

        Write(() =>
        {
            // Another process may have migrated between the check and the lock: read again.
            int version = ReadSchemaVersion();
            if (version < migrations.Count)
            {
                VaultSchema.Migrate(Connection, _transaction!, version, migrations);
            }
        });
    }

    private T Run<T>(Func<T> work, bool writes)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_transaction is not null)
        {
            if (writes && !_transactionWrites)
            {
                throw new InvalidOperationException("A write cannot join a read transaction.");
            }

            return work();
        }

        try
        {
            using SqliteTransaction transaction = Connection.BeginTransaction(deferred: !writes);
            _transaction = transaction;
            _transactionWrites = writes;
            try
            {
                T result = work();
                transaction.Commit();
                if (writes)
                {
                    AfterCommit();
                }

                return result;
            }
            finally
            {
                _transaction = null;
            }
        }
        catch (Exception exception) when (SqliteErrorTranslation.TranslateAny(exception, Path, BusyTimeout) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>After the first commit, the write-ahead log exists: make sure both companions are private.</summary>
    private void AfterCommit()
    {
        if (!_companionsChecked)
        {
            VaultFilePermissions.RestrictVaultFiles(Path);
            _companionsChecked = true;
        }
    }
}
