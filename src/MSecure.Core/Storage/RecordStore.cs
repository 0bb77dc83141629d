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

    private const string LastSeqSql = "SELECT coalesce(max(seq), 0) FROM records;";

    private const string SeqOfSql = "SELECT seq FROM records WHERE id = $id;";

    private const string SelectLiveIdByNameSql = "SELECT id FROM records WHERE name_index = $name AND deleted = 0;";

    // A unary "+" keeps SQLite from using an index for the term: NOT INDEXED alone still lets it
    // search the automatic index of a UNIQUE column.
    private const string ExistsUnindexedSql = "SELECT 1 FROM records NOT INDEXED WHERE +id = $id;";

    private const string SelectLiveIdByNameUnindexedSql = "SELECT id FROM records NOT INDEXED WHERE +name_index = $name AND +deleted = 0;";

    private const string InsertSql =
        "INSERT INTO records (id, revision, deleted, modified_at, name_index, summary) " +
        "VALUES ($id, $revision, $deleted, $modified, $name, $summary);";

    private const string InsertContentSql = "INSERT INTO record_contents (record_seq, content) VALUES (last_insert_rowid(), $content);";

    private const string ReplaceSql =
        "UPDATE records SET revision = $revision, deleted = $deleted, modified_at = $modified, name_index = $name, " +
        "summary = $summary WHERE id = $id AND revision = $expected;";

    private const string ReplaceContentSql =
        "UPDATE record_contents SET content = $content WHERE record_seq = (SELECT seq FROM records WHERE id = $id);";

    private const string ScanStatesSql = "SELECT id, revision, deleted, name_index FROM records NOT INDEXED;";

    private const string ScanAllSummariesSql = "SELECT id, revision, deleted, name_index, summary FROM records NOT INDEXED;";

    private const string ScanAllContentsSql =
        "SELECT r.id, r.revision, r.deleted, r.name_index, CASE WHEN r.deleted = 0 THEN c.content END FROM records AS r NOT INDEXED " +
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

    /// <summary>The highest row sequence number so far (0 when empty): rows inserted later have higher ones.</summary>
    internal static long LastSeq(VaultDatabase database) => (long)database.Command(LastSeqSql).ExecuteScalar()!;

    /// <summary>The row sequence number of <paramref name="id"/>, or 0 when it has no row.</summary>
    internal static long SeqOf(VaultDatabase database, Guid id)
    {
        SqliteCommand command = database.Command(SeqOfSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        return command.ExecuteScalar() is long seq ? seq : 0;
    }

    /// <summary>The id of the live record whose blind name index is <paramref name="nameIndex"/>, or null.</summary>
    internal static Guid? FindLiveIdByName(VaultDatabase database, byte[] nameIndex)
    {
        SqliteCommand command = database.Command(SelectLiveIdByNameSql);
        command.Parameters.AddWithValue("$name", nameIndex);
        return ReadIdOrNull(database, command);
    }

    /// <summary>Whether a row of <paramref name="id"/> exists, by a table scan that uses no index (see <see cref="FindLiveIdByNameWithoutIndex"/>).</summary>
    internal static bool ExistsWithoutIndex(VaultDatabase database, Guid id)
    {
        SqliteCommand command = database.Command(ExistsUnindexedSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        return command.ExecuteScalar() is not null;
    }

    /// <summary>
    /// <see cref="FindLiveIdByName"/> without SQLite's name index, by a table scan: tells a name that
    /// is not in the vault from an index whose pages are damaged.
    /// </summary>
    internal static Guid? FindLiveIdByNameWithoutIndex(VaultDatabase database, byte[] nameIndex)
    {
        SqliteCommand command = database.Command(SelectLiveIdByNameUnindexedSql);
        command.Parameters.AddWithValue("$name", nameIndex);
        return ReadIdOrNull(database, command);
    }

    /// <summary>Inserts a new record row and its content: a live record, or (sync) a tombstone without name index and summary.</summary>
    internal static void Insert(VaultDatabase database, Guid id, long revision, bool deleted, long modifiedAt, byte[]? nameIndex, byte[]? summary, byte[] content)
    {
        SqliteCommand command = database.Command(InsertSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.Parameters.AddWithValue("$revision", revision);
        command.Parameters.AddWithValue("$deleted", deleted ? 1L : 0L);
        command.Parameters.AddWithValue("$modified", modifiedAt);
        command.Parameters.AddWithValue("$name", (object?)nameIndex ?? DBNull.Value);
        command.Parameters.AddWithValue("$summary", (object?)summary ?? DBNull.Value);
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
    /// Streams every row, live and tombstone, with its state (for the record-set digest) and, for
    /// live rows, the summary (or full) envelope, in batches of up to <paramref name="batchSize"/>:
    /// a search decrypts one batch while the next is read. The envelopes of a batch share one array.
    /// </summary>
    internal static void ScanAll(VaultDatabase database, bool fullContent, int batchSize, Action<ScannedRow[]> onBatch)
    {
        using var scan = new RawRowScan(database, fullContent ? ScanAllContentsSql : ScanAllSummariesSql);
        var states = new RowState[batchSize];
        var lengths = new int[batchSize];
        byte[] envelopes = new byte[batchSize * 256];
        int count = 0, used = 0;
        void Flush()
        {
            byte[] owned = envelopes.AsSpan(0, used).ToArray();
            var batch = new ScannedRow[count];
            for (int i = 0, offset = 0; i < count; offset += lengths[i], i++)
            {
                batch[i] = new ScannedRow(states[i], owned.AsMemory(offset, lengths[i]));
            }

            onBatch(batch);
            count = used = 0;
        }

        while (scan.Next())
        {
            RowState state = scan.State();
            ReadOnlySpan<byte> envelope = state.Deleted ? [] : scan.Blob(4);
            if (envelopes.Length - used < envelope.Length)
            {
                Array.Resize(ref envelopes, Math.Max(envelopes.Length * 2, used + envelope.Length));
            }

            envelope.CopyTo(envelopes.AsSpan(used));
            states[count] = state;
            lengths[count++] = envelope.Length;
            used += envelope.Length;
            if (count == batchSize)
            {
                Flush();
            }
        }

        if (count > 0)
        {
            Flush();
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
        using var scan = new RawRowScan(database, ScanStatesSql);
        var chunk = new RowState[chunkRows];
        int count = 0;
        while (scan.Next())
        {
            chunk[count++] = scan.State();
            if (count == chunk.Length)
            {
                onRows(chunk);
                count = 0;
            }
        }

        if (count > 0)
        {
            onRows(chunk.AsSpan(0, count));
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
                StoredColumns.Id(database, reader, 0),
                StoredColumns.Integer(database, reader, 1),
                StoredColumns.Flag(database, reader, 2),
                0,
                StoredColumns.OptionalBlob(database, reader, 3),
                StoredColumns.OptionalBlob(database, reader, 4),
                StoredColumns.OptionalBlob(database, reader, 5),
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
                StoredColumns.Id(database, reader, 1),
                StoredColumns.Integer(database, reader, 2),
                StoredColumns.Flag(database, reader, 3),
                0,
                StoredColumns.OptionalBlob(database, reader, 6),
                StoredColumns.OptionalBlob(database, reader, 4),
                StoredColumns.OptionalBlob(database, reader, 5),
                null);
            rows.Add((StoredColumns.Integer(database, reader, 0), record));
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

    private static Guid? ReadIdOrNull(VaultDatabase database, SqliteCommand command)
    {
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? StoredColumns.Id(database, reader, 0) : null;
    }

    private static StoredRecord? ReadSingle(VaultDatabase database, SqliteCommand command)
    {
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoredRecord(
            StoredColumns.Id(database, reader, 0),
            StoredColumns.Integer(database, reader, 1),
            StoredColumns.Flag(database, reader, 2),
            reader.IsDBNull(3) ? 0 : reader.GetInt64(3),
            StoredColumns.OptionalBlob(database, reader, 4),
            StoredColumns.OptionalBlob(database, reader, 5),
            StoredColumns.OptionalBlob(database, reader, 6),
            reader.IsDBNull(7) ? null : StoredColumns.Integer(database, reader, 7));
    }
}
