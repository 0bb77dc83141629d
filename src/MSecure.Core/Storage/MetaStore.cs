using System;
using Microsoft.Data.Sqlite;
using MSecure.Core.Accounts;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Storage;

/// <summary>Reads and writes the metadata row. Callers run these inside a transaction.</summary>
internal static class MetaStore
{
    private const string SelectSql =
        "SELECT vault_id, account_id, email, created_at, kdf_algorithm, kdf_memory_kib, kdf_passes, kdf_lanes, " +
        "kdf_salt, wrapped_account_key, verifier, key_epoch, server_uri, server_fingerprint, device_id, device_name FROM meta WHERE singleton = 1;";

    private const string InsertSql =
        "INSERT INTO meta (singleton, vault_id, account_id, email, created_at, kdf_algorithm, kdf_memory_kib, kdf_passes, " +
        "kdf_lanes, kdf_salt, wrapped_account_key, verifier, key_epoch, server_uri, server_fingerprint, device_id, device_name) " +
        "VALUES (1, $vault, $account, $email, $created, $algorithm, $memory, $passes, $lanes, $salt, $wrapped, $verifier, $epoch, " +
        "$server, $fingerprint, $device, $deviceName);";

    private const string UpdateServerSql =
        "UPDATE meta SET server_uri = $server, server_fingerprint = $fingerprint, device_id = $device, device_name = $deviceName WHERE singleton = 1;";

    private const string SelectEpochSql = "SELECT key_epoch FROM meta WHERE singleton = 1;";

    private const string UpdateWrappedKeySql =
        "UPDATE meta SET kdf_algorithm = $algorithm, kdf_memory_kib = $memory, kdf_passes = $passes, kdf_lanes = $lanes, " +
        "kdf_salt = $salt, wrapped_account_key = $wrapped WHERE singleton = 1;";

    private const string UpdateVerifierSql =
        "UPDATE meta SET verifier = $verifier, key_epoch = key_epoch + 1 WHERE singleton = 1;";

    private const string SelectStateSql = "SELECT state, record_set FROM meta WHERE singleton = 1;";

    private const string UpdateStateSql = "UPDATE meta SET state = $state, record_set = NULL WHERE singleton = 1;";

    /// <summary>
    /// The sealed vault state (schema 3) and the legacy record-set anchor of a vault written before
    /// it (schema 2; null once the vault state is sealed). Both null for a vault from before schema 2.
    /// </summary>
    internal static (byte[]? State, byte[]? LegacyAnchor) ReadState(VaultDatabase database)
    {
        using SqliteDataReader reader = database.Command(SelectStateSql).ExecuteReader();
        if (!reader.Read())
        {
            throw MSecureErrors.VaultCorrupted(database.Path, "its vault metadata is missing.");
        }

        // A value of another type than BLOB reads as an empty envelope, which never opens.
        byte[]? state = reader.IsDBNull(0) ? null : reader.GetValue(0) as byte[] ?? [];
        byte[]? legacyAnchor = reader.IsDBNull(1) ? null : reader.GetValue(1) as byte[] ?? [];
        return (state, legacyAnchor);
    }

    /// <summary>Replaces the sealed vault state (and drops a legacy anchor for good).</summary>
    internal static void UpdateState(VaultDatabase database, byte[] state)
    {
        SqliteCommand command = database.Command(UpdateStateSql);
        command.Parameters.AddWithValue("$state", state);
        command.ExecuteNonQuery();
    }

    /// <summary>Reads the metadata row.</summary>
    /// <exception cref="MSecureException">VaultCorrupted when the row is missing or a value is missing, of the wrong type or out of range.</exception>
    internal static VaultMetadata Read(VaultDatabase database)
    {
        using SqliteDataReader reader = database.Command(SelectSql).ExecuteReader();
        if (!reader.Read())
        {
            throw MSecureErrors.VaultCorrupted(database.Path, "its vault metadata is missing.");
        }

        try
        {
            var kdf = new KdfParameters(
                (KdfAlgorithm)checked((int)StoredColumns.Integer(database, reader, 4)),
                checked((uint)StoredColumns.Integer(database, reader, 5)),
                checked((uint)StoredColumns.Integer(database, reader, 6)),
                checked((uint)StoredColumns.Integer(database, reader, 7)));
            return new VaultMetadata(
                StoredColumns.Id(database, reader, 0),
                StoredColumns.Id(database, reader, 1),
                StoredColumns.Text(database, reader, 2),
                DateTimeOffset.FromUnixTimeMilliseconds(StoredColumns.Integer(database, reader, 3)),
                kdf,
                StoredColumns.Blob(database, reader, 8),
                StoredColumns.Blob(database, reader, 9),
                StoredColumns.Blob(database, reader, 10),
                StoredColumns.Integer(database, reader, 11),
                ReadServer(database, reader));
        }
        catch (Exception exception) when (exception is OverflowException or ArgumentException or UriFormatException)
        {
            throw MSecureErrors.VaultCorrupted(database.Path, "its vault metadata is malformed.", exception);
        }
    }

    /// <summary>Inserts the metadata row of a new vault.</summary>
    internal static void Insert(VaultDatabase database, VaultMetadata metadata)
    {
        SqliteCommand command = database.Command(InsertSql);
        command.Parameters.AddWithValue("$vault", IdBytes(metadata.VaultId));
        command.Parameters.AddWithValue("$account", IdBytes(metadata.AccountId));
        command.Parameters.AddWithValue("$email", metadata.Email);
        command.Parameters.AddWithValue("$created", metadata.CreatedAt.ToUnixTimeMilliseconds());
        AddWrappedKey(command, metadata.KdfParameters, metadata.Salt, metadata.WrappedAccountKey);
        command.Parameters.AddWithValue("$verifier", metadata.Verifier);
        command.Parameters.AddWithValue("$epoch", metadata.KeyEpoch);
        AddServer(command, metadata.Server);
        command.ExecuteNonQuery();
    }

    /// <summary>Records the account server of this device, or forgets it (null).</summary>
    internal static void UpdateServer(VaultDatabase database, ServerBinding? server)
    {
        SqliteCommand command = database.Command(UpdateServerSql);
        AddServer(command, server);
        command.ExecuteNonQuery();
    }

    /// <summary>The current key epoch.</summary>
    internal static long ReadKeyEpoch(VaultDatabase database)
    {
        object? value = database.Command(SelectEpochSql).ExecuteScalar();
        return value is long epoch ? epoch : throw MSecureErrors.VaultCorrupted(database.Path, "its vault metadata is missing or malformed.");
    }

    /// <summary>Replaces the wrapped Account Key with its KDF parameters and salt.</summary>
    internal static void UpdateWrappedKey(VaultDatabase database, WrappedAccountKey wrapped)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        SqliteCommand command = database.Command(UpdateWrappedKeySql);
        AddWrappedKey(command, wrapped.KdfParameters, wrapped.Salt.ToArray(), wrapped.EnvelopeBytes.ToArray());
        command.ExecuteNonQuery();
    }

    /// <summary>Replaces the verifier and advances the key epoch (Account Key rotation).</summary>
    internal static void UpdateVerifierAndAdvanceEpoch(VaultDatabase database, byte[] verifier)
    {
        SqliteCommand command = database.Command(UpdateVerifierSql);
        command.Parameters.AddWithValue("$verifier", verifier);
        command.ExecuteNonQuery();
    }

    /// <summary>An id as its 16 stored bytes (big-endian).</summary>
    internal static byte[] IdBytes(Guid id)
    {
        byte[] bytes = new byte[IdEncoding.Length];
        IdEncoding.Write(id, bytes);
        return bytes;
    }

    /// <summary>The server binding: all four columns NULL (not connected), or address, device id and name set (the fingerprint is optional).</summary>
    private static ServerBinding? ReadServer(VaultDatabase database, SqliteDataReader reader)
    {
        if (reader.IsDBNull(12) && reader.IsDBNull(13) && reader.IsDBNull(14) && reader.IsDBNull(15))
        {
            return null;
        }

        string? fingerprint = reader.IsDBNull(13) ? null : StoredColumns.Text(database, reader, 13);
        return new ServerBinding(new Uri(StoredColumns.Text(database, reader, 12), UriKind.Absolute), fingerprint,
            StoredColumns.Id(database, reader, 14), StoredColumns.Text(database, reader, 15));
    }

    private static void AddServer(SqliteCommand command, ServerBinding? server)
    {
        command.Parameters.AddWithValue("$server", (object?)server?.Server.AbsoluteUri ?? DBNull.Value);
        command.Parameters.AddWithValue("$fingerprint", (object?)server?.CertificateFingerprint ?? DBNull.Value);
        command.Parameters.AddWithValue("$device", server is null ? DBNull.Value : IdBytes(server.DeviceId));
        command.Parameters.AddWithValue("$deviceName", (object?)server?.DeviceName ?? DBNull.Value);
    }

    private static void AddWrappedKey(SqliteCommand command, KdfParameters kdf, byte[] salt, byte[] wrapped)
    {
        command.Parameters.AddWithValue("$algorithm", (long)kdf.Algorithm);
        command.Parameters.AddWithValue("$memory", (long)kdf.MemoryKiB);
        command.Parameters.AddWithValue("$passes", (long)kdf.Passes);
        command.Parameters.AddWithValue("$lanes", (long)kdf.Lanes);
        command.Parameters.AddWithValue("$salt", salt);
        command.Parameters.AddWithValue("$wrapped", wrapped);
    }
}
