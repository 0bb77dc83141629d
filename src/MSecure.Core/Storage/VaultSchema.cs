using System.Collections.Generic;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MSecure.Core.Storage;

/// <summary>
/// The vault's SQLite schema as a list of forward migrations. The schema version is
/// <c>PRAGMA user_version</c>; a vault is brought up to <see cref="CurrentVersion"/> when opened,
/// step by step, each step in the caller's write transaction. A file with a higher version was
/// written by a newer MSecure and is refused (VaultSchemaTooNew), never downgraded.
/// </summary>
internal static class VaultSchema
{
    /// <summary>SQLite's application id for MSecure vaults: "MSEC" in ASCII, big-endian.</summary>
    internal const int ApplicationId = 0x4D534543;

    /// <summary>The migrations in order; step i brings version i to i + 1.</summary>
    internal static readonly IReadOnlyList<SchemaMigration> Migrations =
    [
        // Records are split in two tables so that a search, which reads every summary, never
        // pages through the full envelopes: records (small: ids, revision, flags, name index,
        // summary envelope) and record_contents (the full envelope, 1:1 by records.seq).
        new(1, "vault metadata, records with summaries and blind name index, record contents, record history", """
            CREATE TABLE meta (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                vault_id BLOB NOT NULL,
                account_id BLOB NOT NULL,
                email TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                kdf_algorithm INTEGER NOT NULL,
                kdf_memory_kib INTEGER NOT NULL,
                kdf_passes INTEGER NOT NULL,
                kdf_lanes INTEGER NOT NULL,
                kdf_salt BLOB NOT NULL,
                wrapped_account_key BLOB NOT NULL,
                verifier BLOB NOT NULL,
                key_epoch INTEGER NOT NULL
            );
            CREATE TABLE records (
                seq INTEGER PRIMARY KEY,
                id BLOB NOT NULL UNIQUE,
                revision INTEGER NOT NULL,
                deleted INTEGER NOT NULL,
                modified_at INTEGER NOT NULL,
                name_index BLOB,
                summary BLOB
            );
            CREATE UNIQUE INDEX records_live_name ON records (name_index) WHERE deleted = 0;
            CREATE TABLE record_contents (
                record_seq INTEGER PRIMARY KEY REFERENCES records (seq),
                content BLOB NOT NULL
            );
            CREATE TABLE record_history (
                record_id BLOB NOT NULL REFERENCES records (id),
                revision INTEGER NOT NULL,
                content BLOB NOT NULL,
                UNIQUE (record_id, revision)
            );
            """),

        // The record-set anchor (see docs/ARCHITECTURE.md section 14): an envelope over the vault
        // revision and the XOR of every row's keyed (id, revision, deleted) digest. NULL until the
        // first unlocked write of a vault created before this step computes it.
        new(2, "record-set integrity anchor", """
            ALTER TABLE meta ADD COLUMN record_set BLOB;
            """),

        // The sealed vault state (see docs/ARCHITECTURE.md section 14): one envelope over the vault
        // revision, the record-set digest (which now covers name indexes) and a hash of the
        // metadata. NULL until the first unlock of a vault created before this step seals it, after
        // verifying the schema-2 record-set anchor; from then on record_set stays NULL.
        new(3, "sealed vault state over records, name indexes and metadata", """
            ALTER TABLE meta ADD COLUMN state BLOB;
            """),

        // The account server of this device (see docs/ARCHITECTURE.md section 14): all NULL while
        // the vault is not connected; covered by the metadata hash once set.
        new(4, "account server binding: server address, pinned certificate fingerprint, device id and name", """
            ALTER TABLE meta ADD COLUMN server_uri TEXT;
            ALTER TABLE meta ADD COLUMN server_fingerprint TEXT;
            ALTER TABLE meta ADD COLUMN device_id BLOB;
            ALTER TABLE meta ADD COLUMN device_name TEXT;
            """),

        // Sync (see docs/ARCHITECTURE.md section 17.2): the outbox of records changed on this device
        // and not yet sent, with how much of each chain the server holds, and the sealed sync state
        // (method, cursor, folder state; NULL until the first sync). Records written before this
        // step were never sent: they all start in the outbox.
        new(5, "sync outbox and sync state", """
            CREATE TABLE sync_outbox (
                record_id BLOB PRIMARY KEY,
                server_revision INTEGER NOT NULL
            );
            ALTER TABLE meta ADD COLUMN sync_state BLOB;
            INSERT INTO sync_outbox (record_id, server_revision) SELECT id, 0 FROM records;
            """),

        // Read-only access keys (see docs/ARCHITECTURE.md section 18.3): each key's name, tag and
        // secret sealed under the Account Key (expiry in clear for readers without it), and each
        // tagged record sealed for each key under the key's own seal key. Not part of the sealed
        // vault state: a grant authenticates on its own and a reader never holds the Account Key.
        new(6, "read-only access keys and the records sealed for them", """
            CREATE TABLE access_keys (
                id BLOB PRIMARY KEY,
                expires_at INTEGER NOT NULL,
                envelope BLOB NOT NULL
            );
            CREATE TABLE access_grants (
                key_id BLOB NOT NULL REFERENCES access_keys (id),
                record_id BLOB NOT NULL,
                revision INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                envelope BLOB NOT NULL,
                PRIMARY KEY (key_id, record_id)
            );
            """),
    ];

    /// <summary>The schema version this build writes and reads.</summary>
    internal static int CurrentVersion => Migrations.Count;

    /// <summary>Reads PRAGMA user_version.</summary>
    internal static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return System.Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Reads PRAGMA application_id.</summary>
    internal static int ReadApplicationId(SqliteConnection connection)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA application_id;";
        return System.Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs every migration in <paramref name="migrations"/> above <paramref name="fromVersion"/>
    /// inside <paramref name="transaction"/>, then sets user_version to the last one's version
    /// (and the application id). Returns the new version.
    /// </summary>
    internal static int Migrate(SqliteConnection connection, SqliteTransaction transaction, int fromVersion, IReadOnlyList<SchemaMigration> migrations)
    {
        int version = fromVersion;
        foreach (SchemaMigration migration in migrations)
        {
            if (migration.Version <= version)
            {
                continue;
            }

            if (migration.Version != version + 1)
            {
                throw new System.InvalidOperationException("Schema migrations must be consecutive.");
            }

            Execute(connection, transaction, migration.Sql);
            version = migration.Version;
        }

        Execute(connection, transaction, string.Format(CultureInfo.InvariantCulture,
            "PRAGMA application_id = {0}; PRAGMA user_version = {1};", ApplicationId, version));
        return version;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
