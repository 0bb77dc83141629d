using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using MSecure.Core.Storage;

namespace MSecure.Core.Sync;

/// <summary>
/// The sync_outbox table: records changed on this device and not yet sent, with how much of each
/// record's chain the server holds (server_revision). A record not in it is wholly on the server.
/// Callers run these inside a transaction.
/// </summary>
internal static class SyncOutbox
{
    private const string TouchSql = "INSERT OR IGNORE INTO sync_outbox (record_id, server_revision) VALUES ($id, $revision);";

    private const string FindSql = "SELECT server_revision FROM sync_outbox WHERE record_id = $id;";

    private const string SetSql = "INSERT OR REPLACE INTO sync_outbox (record_id, server_revision) VALUES ($id, $revision);";

    private const string RemoveSql = "DELETE FROM sync_outbox WHERE record_id = $id;";

    private const string QueueAllSql = "INSERT OR REPLACE INTO sync_outbox (record_id, server_revision) SELECT id, 0 FROM records;";

    private const string CountSql = "SELECT count(*) FROM sync_outbox;";

    private const string TouchInsertedSql = "INSERT OR REPLACE INTO sync_outbox (record_id, server_revision) SELECT id, 0 FROM records WHERE seq > $after;";

    private const string PageSql =
        "SELECT o.record_id, o.server_revision, r.revision, r.deleted, c.content FROM sync_outbox AS o " +
        "LEFT JOIN records AS r ON r.id = o.record_id LEFT JOIN record_contents AS c ON c.record_seq = r.seq " +
        "WHERE o.record_id > $after ORDER BY o.record_id LIMIT $limit;";

    /// <summary>Notes a local write of <paramref name="id"/> made on <paramref name="revisionBefore"/> (0 for a new record); an entry already there stays.</summary>
    internal static void Touch(VaultDatabase database, Guid id, long revisionBefore)
    {
        SqliteCommand command = database.Command(TouchSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.Parameters.AddWithValue("$revision", revisionBefore);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Notes every row inserted after row sequence <paramref name="afterSeq"/> in this transaction as
    /// new to the server (server revision 0), in one statement: what <see cref="Touch"/> per inserted
    /// record does, for a bulk insert (an import). A later revision of such a row written in the same
    /// transaction is still wholly unsent, so 0 replaces whatever that write noted.
    /// </summary>
    internal static void TouchInsertedAfter(VaultDatabase database, long afterSeq)
    {
        SqliteCommand command = database.Command(TouchInsertedSql);
        command.Parameters.AddWithValue("$after", afterSeq);
        command.ExecuteNonQuery();
    }

    /// <summary>The server revision of <paramref name="id"/> when it is in the outbox, else null.</summary>
    internal static long? Find(VaultDatabase database, Guid id)
    {
        SqliteCommand command = database.Command(FindSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        return command.ExecuteScalar() is long revision ? revision : null;
    }

    /// <summary>Records that the server holds <paramref name="id"/> up to <paramref name="serverRevision"/>; removes the entry when that is the local revision.</summary>
    internal static void Advance(VaultDatabase database, Guid id, long serverRevision, long localRevision)
    {
        if (serverRevision >= localRevision)
        {
            Remove(database, id);
            return;
        }

        SqliteCommand command = database.Command(SetSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.Parameters.AddWithValue("$revision", serverRevision);
        command.ExecuteNonQuery();
    }

    /// <summary>Removes <paramref name="id"/> from the outbox.</summary>
    internal static void Remove(VaultDatabase database, Guid id)
    {
        SqliteCommand command = database.Command(RemoveSql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.ExecuteNonQuery();
    }

    /// <summary>Puts every record in the outbox with nothing on the server (after an Account Key rotation).</summary>
    internal static void QueueAll(VaultDatabase database) => database.Command(QueueAllSql).ExecuteNonQuery();

    /// <summary>The number of records in the outbox.</summary>
    internal static long Count(VaultDatabase database) => (long)database.Command(CountSql).ExecuteScalar()!;

    /// <summary>Up to <paramref name="limit"/> outbox entries after <paramref name="after"/> in id order, with their record's current row.</summary>
    internal static List<OutboxEntry> ReadPage(VaultDatabase database, Guid? after, int limit)
    {
        SqliteCommand command = database.Command(PageSql);
        command.Parameters.AddWithValue("$after", after is { } id ? MetaStore.IdBytes(id) : Array.Empty<byte>());
        command.Parameters.AddWithValue("$limit", limit);
        var entries = new List<OutboxEntry>(limit);
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new OutboxEntry(
                StoredColumns.Id(database, reader, 0),
                StoredColumns.Integer(database, reader, 1),
                reader.IsDBNull(2) ? 0 : StoredColumns.Integer(database, reader, 2),
                !reader.IsDBNull(3) && StoredColumns.Flag(database, reader, 3),
                StoredColumns.OptionalBlob(database, reader, 4)));
        }

        return entries;
    }
}

/// <summary>An outbox entry and its record's current row.</summary>
/// <param name="RecordId">The record.</param>
/// <param name="ServerRevision">How much of the chain the server holds.</param>
/// <param name="Revision">The local revision (0 when the record row is missing).</param>
/// <param name="Deleted">Whether the current revision is a tombstone.</param>
/// <param name="Content">The current envelope.</param>
internal sealed record OutboxEntry(Guid RecordId, long ServerRevision, long Revision, bool Deleted, byte[]? Content);
