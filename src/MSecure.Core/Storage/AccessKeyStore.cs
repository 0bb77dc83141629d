using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using MSecure.Core.Access;

namespace MSecure.Core.Storage;

/// <summary>
/// The access_keys and access_grants tables (schema 6). A key row is its id, its expiry in clear
/// (so a reader without the Account Key can say "expired") and an envelope under the Account Key's
/// record key holding everything else (<see cref="AccessKeyEntry"/>). Callers run these inside a transaction.
/// </summary>
internal static class AccessKeyStore
{
    private const string ReadKeysSql = "SELECT id, expires_at, envelope FROM access_keys;";
    private const string ReadKeySql = "SELECT expires_at FROM access_keys WHERE id = $id;";
    private const string AnyKeySql = "SELECT EXISTS (SELECT 1 FROM access_keys);";
    private const string InsertKeySql = "INSERT INTO access_keys (id, expires_at, envelope) VALUES ($id, $expires, $envelope);";
    private const string UpdateKeySql = "UPDATE access_keys SET envelope = $envelope WHERE id = $id;";
    private const string DeleteKeySql = "DELETE FROM access_keys WHERE id = $id;";
    private const string UpsertGrantSql =
        "INSERT INTO access_grants (key_id, record_id, revision, expires_at, envelope) VALUES ($key, $record, $revision, $expires, $envelope) " +
        "ON CONFLICT (key_id, record_id) DO UPDATE SET revision = excluded.revision, expires_at = excluded.expires_at, envelope = excluded.envelope;";
    private const string DeleteGrantSql = "DELETE FROM access_grants WHERE key_id = $key AND record_id = $record;";
    private const string DeleteRecordGrantsSql = "DELETE FROM access_grants WHERE record_id = $record;";
    private const string DeleteKeyGrantsSql = "DELETE FROM access_grants WHERE key_id = $key;";
    private const string ReadGrantsSql = "SELECT record_id, revision, expires_at, envelope FROM access_grants WHERE key_id = $key;";

    /// <summary>Whether the vault has any access key (the cheap test every record write makes).</summary>
    internal static bool Any(VaultDatabase database) => (long)database.Command(AnyKeySql).ExecuteScalar()! != 0;

    /// <summary>Every key row: id, expiry (ms, 0 = never), envelope.</summary>
    internal static List<(Guid Id, long ExpiresAtMs, byte[] Envelope)> ReadAll(VaultDatabase database)
    {
        var rows = new List<(Guid, long, byte[])>();
        using SqliteDataReader reader = database.Command(ReadKeysSql).ExecuteReader();
        while (reader.Read())
        {
            rows.Add((StoredColumns.Id(database, reader, 0), StoredColumns.Integer(database, reader, 1), StoredColumns.Blob(database, reader, 2)));
        }

        return rows;
    }

    /// <summary>The expiry of key <paramref name="id"/> (0 = never), or null when the vault has no such key.</summary>
    internal static long? FindExpiry(VaultDatabase database, Guid id)
    {
        SqliteCommand command = database.Command(ReadKeySql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? StoredColumns.Integer(database, reader, 0) : null;
    }

    internal static void Insert(VaultDatabase database, Guid id, long expiresAtMs, byte[] envelope)
    {
        SqliteCommand command = database.Command(InsertKeySql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.Parameters.AddWithValue("$expires", expiresAtMs);
        command.Parameters.AddWithValue("$envelope", envelope);
        command.ExecuteNonQuery();
    }

    /// <summary>Replaces a key's envelope (Account Key rotation re-seals it).</summary>
    internal static void UpdateEnvelope(VaultDatabase database, Guid id, byte[] envelope)
    {
        SqliteCommand command = database.Command(UpdateKeySql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        command.Parameters.AddWithValue("$envelope", envelope);
        command.ExecuteNonQuery();
    }

    /// <summary>Deletes a key and its grants; returns whether it existed.</summary>
    internal static bool Delete(VaultDatabase database, Guid id)
    {
        SqliteCommand grants = database.Command(DeleteKeyGrantsSql);
        grants.Parameters.AddWithValue("$key", MetaStore.IdBytes(id));
        grants.ExecuteNonQuery();
        SqliteCommand command = database.Command(DeleteKeySql);
        command.Parameters.AddWithValue("$id", MetaStore.IdBytes(id));
        return command.ExecuteNonQuery() == 1;
    }

    internal static void PutGrant(VaultDatabase database, AccessGrant grant)
    {
        SqliteCommand command = database.Command(UpsertGrantSql);
        command.Parameters.AddWithValue("$key", MetaStore.IdBytes(grant.KeyId));
        command.Parameters.AddWithValue("$record", MetaStore.IdBytes(grant.RecordId));
        command.Parameters.AddWithValue("$revision", grant.Revision);
        command.Parameters.AddWithValue("$expires", grant.ExpiresAtMs);
        command.Parameters.AddWithValue("$envelope", grant.Envelope);
        command.ExecuteNonQuery();
    }

    internal static void DeleteGrant(VaultDatabase database, Guid keyId, Guid recordId)
    {
        SqliteCommand command = database.Command(DeleteGrantSql);
        command.Parameters.AddWithValue("$key", MetaStore.IdBytes(keyId));
        command.Parameters.AddWithValue("$record", MetaStore.IdBytes(recordId));
        command.ExecuteNonQuery();
    }

    /// <summary>Deletes every key's grant of a record (removed, or no record to seal).</summary>
    internal static void DeleteRecordGrants(VaultDatabase database, Guid recordId)
    {
        SqliteCommand command = database.Command(DeleteRecordGrantsSql);
        command.Parameters.AddWithValue("$record", MetaStore.IdBytes(recordId));
        command.ExecuteNonQuery();
    }

    /// <summary>The grants of key <paramref name="keyId"/>.</summary>
    internal static List<AccessGrant> ReadGrants(VaultDatabase database, Guid keyId)
    {
        SqliteCommand command = database.Command(ReadGrantsSql);
        command.Parameters.AddWithValue("$key", MetaStore.IdBytes(keyId));
        var grants = new List<AccessGrant>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            grants.Add(new AccessGrant(keyId, StoredColumns.Id(database, reader, 0), StoredColumns.Integer(database, reader, 1),
                StoredColumns.Integer(database, reader, 2), StoredColumns.Blob(database, reader, 3)));
        }

        return grants;
    }
}
