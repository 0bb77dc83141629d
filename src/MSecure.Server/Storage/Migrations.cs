using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace MSecure.Server.Storage;

/// <summary>
/// The versioned schema, applied on start in one transaction. Versions are append-only: a released
/// migration never changes. Concurrent starts serialize (SQLite: BEGIN IMMEDIATE; PostgreSQL:
/// pg_advisory_xact_lock), so the second one finds the work done.
/// </summary>
internal static class Migrations
{
    // Times are int64 Unix milliseconds, ids canonical GUID text, byte strings {blob}.
    private static readonly IReadOnlyList<(int Version, string Sql)> Steps =
    [
        (1, """
            CREATE TABLE accounts (
                account_id TEXT PRIMARY KEY,
                email TEXT NOT NULL,
                email_key TEXT NOT NULL UNIQUE,
                public_key {blob} NOT NULL,
                verifier {blob} NOT NULL,
                key_generation BIGINT NOT NULL,
                created_at BIGINT NOT NULL);
            CREATE TABLE retired_keys (
                account_id TEXT NOT NULL REFERENCES accounts (account_id),
                key_generation BIGINT NOT NULL,
                public_key {blob} NOT NULL,
                retired_at BIGINT NOT NULL,
                PRIMARY KEY (account_id, key_generation));
            CREATE TABLE devices (
                device_id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts (account_id),
                name TEXT NOT NULL,
                enrolled_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL,
                revoked_at BIGINT NULL);
            CREATE INDEX devices_by_account ON devices (account_id);
            CREATE TABLE tokens (
                token_hash {blob} PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts (account_id),
                device_id TEXT NOT NULL REFERENCES devices (device_id),
                key_generation BIGINT NOT NULL,
                expires_at BIGINT NOT NULL);
            CREATE INDEX tokens_by_expiry ON tokens (expires_at);
            CREATE TABLE challenges (
                challenge_id TEXT PRIMARY KEY,
                email_key TEXT NOT NULL,
                account_id TEXT NULL,
                nonce {blob} NOT NULL,
                expires_at BIGINT NOT NULL);
            CREATE INDEX challenges_by_expiry ON challenges (expires_at);
            CREATE TABLE invites (
                code_hash {blob} PRIMARY KEY,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL);
            """),
        (2, """
            CREATE TABLE sync_sequences (
                account_id TEXT PRIMARY KEY REFERENCES accounts (account_id) ON DELETE CASCADE,
                last_sequence BIGINT NOT NULL);
            CREATE TABLE sync_changes (
                account_id TEXT NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
                sequence BIGINT NOT NULL,
                record_id TEXT NOT NULL,
                revision BIGINT NOT NULL,
                change_id TEXT NOT NULL,
                deleted BOOLEAN NOT NULL,
                device_id TEXT NOT NULL,
                envelope {blob} NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (account_id, sequence),
                UNIQUE (account_id, change_id),
                UNIQUE (account_id, record_id, revision));
            """),
        (3, """
            CREATE TABLE access_keys (
                key_id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
                auth_hash {blob} NOT NULL,
                expires_at BIGINT NULL,
                created_at BIGINT NOT NULL,
                revoked_at BIGINT NULL);
            CREATE INDEX access_keys_by_account ON access_keys (account_id);
            CREATE TABLE access_grants (
                key_id TEXT NOT NULL REFERENCES access_keys (key_id) ON DELETE CASCADE,
                record_id TEXT NOT NULL,
                revision BIGINT NOT NULL,
                expiry BIGINT NOT NULL,
                envelope {blob} NOT NULL,
                PRIMARY KEY (key_id, record_id));
            """),
    ];

    /// <summary>The newest schema version this code knows.</summary>
    public static int LatestVersion => Steps[^1].Version;

    /// <summary>Brings the schema to <see cref="LatestVersion"/>; refuses a database newer than this code.</summary>
    public static async Task ApplyAsync(Database database, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        if (database is SqliteDatabase)
        {
            await using DbCommand wal = Database.Command(connection, null, "PRAGMA journal_mode = WAL");
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await database.LockForMigrationAsync(transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", cancellationToken);
        await using DbCommand query = Database.Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        int current = Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException($"The database schema is version {current}; this server knows up to {LatestVersion}. Run a newer server.");
        }

        foreach ((int version, string sql) in Steps)
        {
            if (version <= current)
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, sql.Replace("{blob}", database.BlobType, StringComparison.Ordinal), cancellationToken);
            await using DbCommand record = Database.Command(connection, transaction, "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @now)",
                ("@version", version), ("@now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using DbCommand command = Database.Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
