using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace MSecure.Core.Storage;

/// <summary>The record_history table: earlier versions as envelopes. Callers run these inside a transaction.</summary>
internal static class HistoryStore
{
    private const string InsertSql = "INSERT INTO record_history (record_id, revision, content) VALUES ($id, $revision, $content);";

    private const string SelectSql = "SELECT revision, content FROM record_history WHERE record_id = $id ORDER BY revision DESC;";

    private const string SelectBatchSql =
        "SELECT rowid, record_id, revision, content FROM record_history WHERE rowid > $after ORDER BY rowid LIMIT $limit;";

    private const string ScanAllSql = "SELECT record_id, revision, content FROM record_history NOT INDEXED;";

    private const string SelectOneSql = "SELECT content FROM record_history WHERE record_id = $id AND revision = $revision;";

    private const string DeleteFromSql = "DELETE FROM record_history WHERE record_id = $id AND revision >= $revision;";

    private const string UpdateContentSql = "UPDATE record_history SET content = $content WHERE rowid = $rowid;";

    /// <summary>Adds an earlier version of <paramref name="id"/>.</summary>
    internal static void Insert(VaultDatabase database, Guid id, long revision, byte[] envelope)
    {
        SqliteCommand command = database.Command(InsertSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.Parameters.AddWithValue("$revision", revision);
        command.Parameters.AddWithValue("$content", envelope);
        command.ExecuteNonQuery();
    }

    /// <summary>The earlier versions of <paramref name="id"/>, newest first.</summary>
    internal static List<StoredEnvelope> Read(VaultDatabase database, Guid id)
    {
        SqliteCommand command = database.Command(SelectSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        var entries = new List<StoredEnvelope>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new StoredEnvelope(id, StoredColumns.Integer(database, reader, 0), StoredColumns.Blob(database, reader, 1)));
        }

        return entries;
    }

    /// <summary>Calls <paramref name="onEntry"/> with every history entry as stored (no index used): for the full vault check.</summary>
    internal static void ScanAll(VaultDatabase database, Action<StoredEnvelope> onEntry)
    {
        using SqliteDataReader reader = database.Command(ScanAllSql).ExecuteReader();
        while (reader.Read())
        {
            onEntry(new StoredEnvelope(StoredColumns.Id(database, reader, 0), StoredColumns.Integer(database, reader, 1), StoredColumns.Blob(database, reader, 2)));
        }
    }

    /// <summary>Up to <paramref name="limit"/> history entries after <paramref name="afterRowId"/>, for re-encryption.</summary>
    internal static List<(long RowId, StoredEnvelope Entry)> ReadBatch(VaultDatabase database, long afterRowId, int limit)
    {
        SqliteCommand command = database.Command(SelectBatchSql);
        command.Parameters.AddWithValue("$after", afterRowId);
        command.Parameters.AddWithValue("$limit", limit);
        var entries = new List<(long, StoredEnvelope)>(limit);
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            var entry = new StoredEnvelope(StoredColumns.Id(database, reader, 1), StoredColumns.Integer(database, reader, 2), StoredColumns.Blob(database, reader, 3));
            entries.Add((StoredColumns.Integer(database, reader, 0), entry));
        }

        return entries;
    }

    /// <summary>Replaces a history entry's envelope in place (Account Key rotation).</summary>
    internal static void UpdateContent(VaultDatabase database, long rowId, byte[] envelope)
    {
        SqliteCommand command = database.Command(UpdateContentSql);
        command.Parameters.AddWithValue("$rowid", rowId);
        command.Parameters.AddWithValue("$content", envelope);
        command.ExecuteNonQuery();
    }

    /// <summary>The history envelope of <paramref name="id"/>'s revision <paramref name="revision"/>, or null.</summary>
    internal static byte[]? ReadOne(VaultDatabase database, Guid id, long revision)
    {
        SqliteCommand command = database.Command(SelectOneSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.Parameters.AddWithValue("$revision", revision);
        return command.ExecuteScalar() as byte[];
    }

    /// <summary>Deletes <paramref name="id"/>'s history entries from <paramref name="revision"/> on (sync replacing a chain).</summary>
    internal static void DeleteFrom(VaultDatabase database, Guid id, long revision)
    {
        SqliteCommand command = database.Command(DeleteFromSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.Parameters.AddWithValue("$revision", revision);
        command.ExecuteNonQuery();
    }
}
