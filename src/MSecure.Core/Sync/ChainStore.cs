using System;
using Microsoft.Data.Sqlite;
using MSecure.Core.Storage;

namespace MSecure.Core.Sync;

/// <summary>The SQL sync needs beyond <see cref="RecordStore"/> and <see cref="HistoryStore"/>. Callers run these inside a transaction.</summary>
internal static class ChainStore
{
    private const string InsertSql =
        "INSERT INTO records (id, revision, deleted, modified_at, name_index, summary) VALUES ($id, $revision, $deleted, $modified, $name, $summary);";

    private const string InsertContentSql = "INSERT INTO record_contents (record_seq, content) VALUES (last_insert_rowid(), $content);";

    private const string SelectHistorySql = "SELECT content FROM record_history WHERE record_id = $id AND revision = $revision;";

    private const string DeleteHistoryFromSql = "DELETE FROM record_history WHERE record_id = $id AND revision >= $revision;";

    /// <summary>Inserts a new record row (live or tombstone) and its content.</summary>
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

    /// <summary>The history envelope of <paramref name="id"/>'s revision <paramref name="revision"/>, or null.</summary>
    internal static byte[]? ReadHistory(VaultDatabase database, Guid id, long revision)
    {
        SqliteCommand command = database.Command(SelectHistorySql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.Parameters.AddWithValue("$revision", revision);
        return command.ExecuteScalar() as byte[];
    }

    /// <summary>Deletes <paramref name="id"/>'s history entries from <paramref name="revision"/> on.</summary>
    internal static void DeleteHistoryFrom(VaultDatabase database, Guid id, long revision)
    {
        SqliteCommand command = database.Command(DeleteHistoryFromSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.Parameters.AddWithValue("$revision", revision);
        command.ExecuteNonQuery();
    }
}
