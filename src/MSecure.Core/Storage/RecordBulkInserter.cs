using System;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MSecure.Core.Storage;

/// <summary>
/// Inserts many live record rows in the current write transaction through two statements prepared
/// once and bound by position: what <see cref="RecordStore.Insert"/> does per row, without the
/// per-call machinery of a SqliteCommand (a data reader, statement lookup, parameters bound by name),
/// which costs more than SQLite's own insert. For an import; disposed before the transaction ends.
/// </summary>
internal sealed class RecordBulkInserter : IDisposable
{
    private const string InsertSql =
        "INSERT INTO records (id, revision, deleted, modified_at, name_index, summary) VALUES (?1, ?2, 0, ?3, ?4, ?5);";

    private const string InsertContentSql = "INSERT INTO record_contents (record_seq, content) VALUES (last_insert_rowid(), ?1);";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _insertContent;

    internal RecordBulkInserter(VaultDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _db = database.Connection.Handle!;
        _insert = Prepare(_db, InsertSql);
        try
        {
            _insertContent = Prepare(_db, InsertContentSql);
        }
        catch
        {
            _insert.Dispose();
            throw;
        }
    }

    /// <summary>Inserts a live row at <paramref name="revision"/> and its content.</summary>
    /// <exception cref="SqliteException">A constraint (the name is taken) or storage failure; nothing of the row was inserted.</exception>
    internal void Insert(Guid id, long revision, long modifiedAt, byte[] nameIndex, byte[] summary, byte[] content)
    {
        Span<byte> idBytes = stackalloc byte[16];
        MSecure.Core.Cryptography.IdEncoding.Write(id, idBytes);
        Check(raw.sqlite3_bind_blob(_insert, 1, idBytes));
        Check(raw.sqlite3_bind_int64(_insert, 2, revision));
        Check(raw.sqlite3_bind_int64(_insert, 3, modifiedAt));
        Check(raw.sqlite3_bind_blob(_insert, 4, nameIndex));
        Check(raw.sqlite3_bind_blob(_insert, 5, summary));
        Step(_insert);
        Check(raw.sqlite3_bind_blob(_insertContent, 1, content));
        Step(_insertContent);
    }

    /// <summary>Finalizes both statements.</summary>
    public void Dispose()
    {
        _insert.Dispose();
        _insertContent.Dispose();
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        int rc = raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt statement);
        SqliteException.ThrowExceptionForRC(rc, db);
        return statement;
    }

    private void Step(sqlite3_stmt statement)
    {
        int rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);
}
