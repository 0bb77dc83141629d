using System;
using Microsoft.Data.Sqlite;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using SQLitePCL;

namespace MSecure.Core.Storage;

/// <summary>
/// Steps a scan of the records table on the connection's SQLite handle directly, inside the
/// caller's transaction, reading each column in place: no per-column call through the ADO.NET
/// reader and no allocation per row. Reading 100,000 rows through SqliteDataReader costs several
/// times more than the rest of a search. The first four columns are always id, revision, deleted
/// and name index, read strictly by storage class (see <see cref="StoredColumns"/>).
/// </summary>
internal sealed class RawRowScan : IDisposable
{
    private readonly VaultDatabase _database;
    private readonly sqlite3 _handle;
    private readonly sqlite3_stmt _statement;
    private int _lastResult;

    /// <summary>Prepares <paramref name="sql"/>, whose first four columns are id, revision, deleted, name_index.</summary>
    internal RawRowScan(VaultDatabase database, string sql)
    {
        _database = database;
        _handle = database.Connection.Handle ?? throw new InvalidOperationException("The connection is closed.");
        int rc = raw.sqlite3_prepare_v2(_handle, sql, out _statement);
        if (rc != raw.SQLITE_OK)
        {
            _statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _handle);
        }
    }

    /// <summary>Steps to the next row; false at the end. SQLite's failures surface as <see cref="SqliteException"/>.</summary>
    internal bool Next()
    {
        _lastResult = raw.sqlite3_step(_statement);
        if (_lastResult == raw.SQLITE_ROW)
        {
            return true;
        }

        if (_lastResult != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(_lastResult, _handle);
        }

        return false;
    }

    /// <summary>The current row's state: id, revision, deleted flag and name index.</summary>
    /// <exception cref="MSecureException">VaultCorrupted for a value of the wrong storage class or range.</exception>
    internal RowState State()
    {
        ReadOnlySpan<byte> id = raw.sqlite3_column_blob(_statement, 0);
        if (id.Length != IdEncoding.Length || raw.sqlite3_column_type(_statement, 0) != raw.SQLITE_BLOB)
        {
            throw MSecureErrors.VaultCorrupted(_database.Path, "a stored record id is not 16 bytes.");
        }

        long deleted = raw.sqlite3_column_int64(_statement, 2);
        if (raw.sqlite3_column_type(_statement, 1) != raw.SQLITE_INTEGER || raw.sqlite3_column_type(_statement, 2) != raw.SQLITE_INTEGER || deleted is not (0 or 1))
        {
            throw MSecureErrors.VaultCorrupted(_database.Path, "a stored revision or deleted flag is not an integer of its range.");
        }

        NameIndexBlocks nameIndex = raw.sqlite3_column_type(_statement, 3) switch
        {
            raw.SQLITE_NULL => default,
            raw.SQLITE_BLOB => NameIndexBlocks.From(raw.sqlite3_column_blob(_statement, 3)),
            _ => NameIndexBlocks.Malformed,
        };
        return new RowState(IdEncoding.Read(id), raw.sqlite3_column_int64(_statement, 1), deleted == 1, nameIndex);
    }

    /// <summary>
    /// The BLOB in column <paramref name="ordinal"/>, valid until the next step; empty for NULL.
    /// VaultCorrupted for a value of another storage class.
    /// </summary>
    internal ReadOnlySpan<byte> Blob(int ordinal) => raw.sqlite3_column_type(_statement, ordinal) switch
    {
        raw.SQLITE_NULL => [],
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(_statement, ordinal),
        _ => throw MSecureErrors.VaultCorrupted(_database.Path, "a stored envelope is not a BLOB."),
    };

    /// <summary>Finalizes the statement.</summary>
    public void Dispose() => _statement.Dispose();
}
