using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Storage;

/// <summary>
/// The records and record_contents tables (one row each per record, joined by records.seq).
/// Callers run these inside a transaction.
/// </summary>
internal static class RecordStore
{
    private const string NewestHistory =
        "(SELECT max(h.revision) FROM record_history AS h WHERE h.record_id = r.id)";

    private const string SelectColumns =
        "SELECT r.id, r.revision, r.deleted, r.modified_at, r.name_index, r.summary, c.content, " + NewestHistory +
        " FROM records AS r LEFT JOIN record_contents AS c ON c.record_seq = r.seq";

    private const string SelectByIdSql = SelectColumns + " WHERE r.id = $id;";

    private const string SelectLiveByNameSql = SelectColumns + " WHERE r.name_index = $name AND r.deleted = 0;";

    private const string SelectLiveIdByNameSql = "SELECT id FROM records WHERE name_index = $name AND deleted = 0;";

    private const string SelectLiveIdByNameUnindexedSql = "SELECT id FROM records NOT INDEXED WHERE name_index = $name AND deleted = 0;";

    private const string InsertSql =
        "INSERT INTO records (id, revision, deleted, modified_at, name_index, summary) " +
        "VALUES ($id, $revision, 0, $modified, $name, $summary);";

    private const string InsertContentSql = "INSERT INTO record_contents (record_seq, content) VALUES (last_insert_rowid(), $content);";

    private const string ReplaceSql =
        "UPDATE records SET revision = $revision, deleted = $deleted, modified_at = $modified, name_index = $name, " +
        "summary = $summary WHERE id = $id AND revision = $expected;";

    private const string ReplaceContentSql =
        "UPDATE record_contents SET content = $content WHERE record_seq = (SELECT seq FROM records WHERE id = $id);";

    // NOT INDEXED: the partial index on live names also matches "deleted = 0", and SQLite would
    // otherwise walk it and look up every row by rowid, several times slower than a table scan.
    private const string ScanSummariesSql = "SELECT id, revision, summary FROM records NOT INDEXED WHERE deleted = 0;";

    private const string ScanContentsSql =
        "SELECT r.id, r.revision, c.content FROM records AS r NOT INDEXED LEFT JOIN record_contents AS c ON c.record_seq = r.seq WHERE r.deleted = 0;";

    private const string ScanStatesSql = "SELECT id, revision, deleted, name_index FROM records NOT INDEXED;";

    private const string ScanAllSummariesSql = "SELECT id, revision, deleted, summary, name_index FROM records NOT INDEXED;";

    private const string ScanAllContentsSql =
        "SELECT r.id, r.revision, r.deleted, CASE WHEN r.deleted = 0 THEN c.content END, r.name_index FROM records AS r NOT INDEXED " +
        "LEFT JOIN record_contents AS c ON c.record_seq = r.seq;";

    private const string ScanForCheckSql =
        "SELECT r.id, r.revision, r.deleted, r.name_index, r.summary, c.content FROM records AS r NOT INDEXED " +
        "LEFT JOIN record_contents AS c ON c.record_seq = r.seq;";

    private const string CountOrphanContentsSql =
        "SELECT count(*) FROM record_contents NOT INDEXED WHERE record_seq NOT IN (SELECT seq FROM records NOT INDEXED);";

    private const string CountLiveSql = "SELECT count(*) FROM records WHERE deleted = 0;";

    private const string SelectBatchSql =
        "SELECT r.seq, r.id, r.revision, r.deleted, r.summary, c.content, r.name_index FROM records AS r " +
        "LEFT JOIN record_contents AS c ON c.record_seq = r.seq WHERE r.seq > $after ORDER BY r.seq LIMIT $limit;";

    private const string UpdateCiphertextsSql = "UPDATE records SET name_index = $name, summary = $summary WHERE seq = $seq;";

    private const string UpdateContentSql = "UPDATE record_contents SET content = $content WHERE record_seq = $seq;";

    /// <summary>The row of <paramref name="id"/>, live or tombstone, or null.</summary>
    internal static StoredRecord? Find(VaultDatabase database, Guid id)
    {
        SqliteCommand command = database.Command(SelectByIdSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        return ReadSingle(database, command);
    }

    /// <summary>The live row whose blind name index is <paramref name="nameIndex"/>, or null.</summary>
    internal static StoredRecord? FindLiveByName(VaultDatabase database, byte[] nameIndex)
    {
        SqliteCommand command = database.Command(SelectLiveByNameSql);
        command.Parameters.AddWithValue("$name", nameIndex);
        return ReadSingle(database, command);
    }

    /// <summary>The id of the live record whose blind name index is <paramref name="nameIndex"/>, or null.</summary>
    internal static Guid? FindLiveIdByName(VaultDatabase database, byte[] nameIndex)
    {
        SqliteCommand command = database.Command(SelectLiveIdByNameSql);
        command.Parameters.AddWithValue("$name", nameIndex);
        return command.ExecuteScalar() is byte[] id ? ToId(database, id) : null;
    }

    /// <summary>
    /// <see cref="FindLiveIdByName"/> without SQLite's name index, by a table scan: tells a name that
    /// is not in the vault from an index whose pages are damaged.
    /// </summary>
    internal static Guid? FindLiveIdByNameWithoutIndex(VaultDatabase database, byte[] nameIndex)
    {
        SqliteCommand command = database.Command(SelectLiveIdByNameUnindexedSql);
        command.Parameters.AddWithValue("$name", nameIndex);
        return command.ExecuteScalar() is byte[] id ? ToId(database, id) : null;
    }

    /// <summary>Inserts a new live record.</summary>
    internal static void Insert(VaultDatabase database, Guid id, long revision, long modifiedAt, byte[] nameIndex, byte[] summary, byte[] content)
    {
        SqliteCommand command = database.Command(InsertSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.Parameters.AddWithValue("$revision", revision);
        command.Parameters.AddWithValue("$modified", modifiedAt);
        command.Parameters.AddWithValue("$name", nameIndex);
        command.Parameters.AddWithValue("$summary", summary);
        command.ExecuteNonQuery();
        SqliteCommand contentCommand = database.Command(InsertContentSql);
        contentCommand.Parameters.AddWithValue("$content", content);
        contentCommand.ExecuteNonQuery();
    }

    /// <summary>
    /// Replaces the row of <paramref name="id"/> if it is still at <paramref name="expectedRevision"/>;
    /// returns whether it was.
    /// </summary>
    internal static bool Replace(VaultDatabase database, Guid id, long expectedRevision, long revision, bool deleted, long modifiedAt,
        byte[]? nameIndex, byte[]? summary, byte[] content)
    {
        SqliteCommand command = database.Command(ReplaceSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.Parameters.AddWithValue("$expected", expectedRevision);
        command.Parameters.AddWithValue("$revision", revision);
        command.Parameters.AddWithValue("$deleted", deleted ? 1L : 0L);
        command.Parameters.AddWithValue("$modified", modifiedAt);
        command.Parameters.AddWithValue("$name", (object?)nameIndex ?? DBNull.Value);
        command.Parameters.AddWithValue("$summary", (object?)summary ?? DBNull.Value);
        if (command.ExecuteNonQuery() != 1)
        {
            return false;
        }

        SqliteCommand contentCommand = database.Command(ReplaceContentSql);
        contentCommand.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        contentCommand.Parameters.AddWithValue("$content", content);
        return contentCommand.ExecuteNonQuery() == 1;
    }

    /// <summary>
    /// Streams every live record's summary envelope (or, with <paramref name="fullContent"/>, its
    /// full envelope) to <paramref name="onBatch"/> in batches of up to <paramref name="batchSize"/>,
    /// so the caller can decrypt one batch while the next is read.
    /// </summary>
    internal static void ScanLive(VaultDatabase database, bool fullContent, int batchSize, Action<StoredEnvelope[]> onBatch)
    {
        using SqliteDataReader reader = database.Command(fullContent ? ScanContentsSql : ScanSummariesSql).ExecuteReader();
        var batch = new List<StoredEnvelope>(batchSize);
        while (reader.Read())
        {
            Guid id = ToId(database, reader.GetFieldValue<byte[]>(0));
            batch.Add(new StoredEnvelope(id, reader.GetInt64(1), reader.IsDBNull(2) ? [] : reader.GetFieldValue<byte[]>(2)));
            if (batch.Count == batchSize)
            {
                onBatch([.. batch]);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            onBatch([.. batch]);
        }
    }

    /// <summary>
    /// Streams every row, live and tombstone, with its stored id bytes and deleted flag, and for
    /// live rows the summary (or full) envelope: a search that also recomputes the record-set digest.
    /// </summary>
    internal static void ScanAll(VaultDatabase database, bool fullContent, int batchSize, Action<ScannedRow[]> onBatch)
    {
        using SqliteDataReader reader = database.Command(fullContent ? ScanAllContentsSql : ScanAllSummariesSql).ExecuteReader();
        var batch = new List<ScannedRow>(batchSize);
        while (reader.Read())
        {
            byte[] idBytes = reader.GetFieldValue<byte[]>(0);
            Guid id = ToId(database, idBytes);
            bool deleted = reader.GetInt64(2) != 0;
            byte[] envelope = deleted || reader.IsDBNull(3) ? [] : reader.GetFieldValue<byte[]>(3);
            NameIndexBlocks nameIndex = reader.IsDBNull(4) ? default : NameIndexBlocks.From(reader.GetFieldValue<byte[]>(4));
            batch.Add(new ScannedRow(new StoredEnvelope(id, reader.GetInt64(1), envelope), deleted, nameIndex));
            if (batch.Count == batchSize)
            {
                onBatch([.. batch]);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            onBatch([.. batch]);
        }
    }

    /// <summary>
    /// Calls <paramref name="onRows"/> with every row's (id, revision, deleted), live and tombstone,
    /// in chunks of up to <paramref name="chunkRows"/>; reads no envelope. Steps the statement on the
    /// connection's SQLite handle directly (inside the caller's transaction) and reads the id blob
    /// in place: no allocation per row.
    /// </summary>
    internal static void ScanStates(VaultDatabase database, int chunkRows, RowStatesHandler onRows)
    {
        sqlite3 handle = database.Connection.Handle ?? throw new InvalidOperationException("The connection is closed.");
        int rc = raw.sqlite3_prepare_v2(handle, ScanStatesSql, out sqlite3_stmt statement);
        using (statement)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
            var chunk = new RowState[chunkRows];
            int count = 0;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                ReadOnlySpan<byte> id = raw.sqlite3_column_blob(statement, 0);
                if (id.Length != IdEncoding.Length || raw.sqlite3_column_type(statement, 0) != raw.SQLITE_BLOB)
                {
                    throw MSecureErrors.VaultCorrupted(database.Path, "a stored record id is not 16 bytes long.");
                }

                NameIndexBlocks nameIndex = raw.sqlite3_column_type(statement, 3) == raw.SQLITE_NULL
                    ? default
                    : NameIndexBlocks.From(raw.sqlite3_column_blob(statement, 3));
                chunk[count++] = new RowState(IdEncoding.Read(id), raw.sqlite3_column_int64(statement, 1), raw.sqlite3_column_int64(statement, 2) != 0, nameIndex);
                if (count == chunk.Length)
                {
                    onRows(chunk);
                    count = 0;
                }
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, handle);
            }

            if (count > 0)
            {
                onRows(chunk.AsSpan(0, count));
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="onRow"/> with every row, live and tombstone, exactly as stored (no index
    /// used), with its envelopes: for the full vault check.
    /// </summary>
    internal static void ScanForCheck(VaultDatabase database, Action<StoredRecord> onRow)
    {
        using SqliteDataReader reader = database.Command(ScanForCheckSql).ExecuteReader();
        while (reader.Read())
        {
            onRow(new StoredRecord(
                ToId(database, reader.GetFieldValue<byte[]>(0)),
                reader.GetInt64(1),
                reader.GetInt64(2) != 0,
                0,
                reader.IsDBNull(3) ? null : reader.GetFieldValue<byte[]>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5),
                null));
        }
    }

    /// <summary>The number of record_contents rows that belong to no record.</summary>
    internal static long CountOrphanContents(VaultDatabase database) => (long)database.Command(CountOrphanContentsSql).ExecuteScalar()!;

    /// <summary>The number of live records.</summary>
    internal static int CountLive(VaultDatabase database) =>
        Convert.ToInt32(database.Command(CountLiveSql).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Up to <paramref name="limit"/> rows (live and tombstones) after sequence number <paramref name="afterSeq"/>, for re-encryption.</summary>
    internal static List<(long Seq, StoredRecord Record)> ReadBatch(VaultDatabase database, long afterSeq, int limit)
    {
        SqliteCommand command = database.Command(SelectBatchSql);
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<(long, StoredRecord)>(limit);
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            var record = new StoredRecord(
                ToId(database, reader.GetFieldValue<byte[]>(1)),
                reader.GetInt64(2),
                reader.GetInt64(3) != 0,
                0,
                reader.IsDBNull(6) ? null : reader.GetFieldValue<byte[]>(6),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5),
                null);
            rows.Add((reader.GetInt64(0), record));
        }

        return rows;
    }

    /// <summary>Replaces a row's envelopes and name index in place (Account Key rotation).</summary>
    internal static void UpdateCiphertexts(VaultDatabase database, long seq, byte[]? nameIndex, byte[]? summary, byte[] content)
    {
        SqliteCommand command = database.Command(UpdateCiphertextsSql);
        command.Parameters.AddWithValue("$seq", seq);
        command.Parameters.AddWithValue("$name", (object?)nameIndex ?? DBNull.Value);
        command.Parameters.AddWithValue("$summary", (object?)summary ?? DBNull.Value);
        command.ExecuteNonQuery();
        SqliteCommand contentCommand = database.Command(UpdateContentSql);
        contentCommand.Parameters.AddWithValue("$seq", seq);
        contentCommand.Parameters.AddWithValue("$content", content);
        contentCommand.ExecuteNonQuery();
    }

    /// <summary>An id read from storage; VaultCorrupted when it is not 16 bytes.</summary>
    internal static Guid ToId(VaultDatabase database, byte[] bytes) =>
        bytes.Length == IdEncoding.Length
            ? IdEncoding.Read(bytes)
            : throw MSecureErrors.VaultCorrupted(database.Path, "a stored record id is not 16 bytes long.");

    private static StoredRecord? ReadSingle(VaultDatabase database, SqliteCommand command)
    {
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoredRecord(
            ToId(database, reader.GetFieldValue<byte[]>(0)),
            reader.GetInt64(1),
            reader.GetInt64(2) != 0,
            reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<byte[]>(6),
            reader.IsDBNull(7) ? null : reader.GetInt64(7));
    }
}
