using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;

namespace MSecure.Server.Storage;

/// <summary>What the server knows of an access key: its account, the SHA-256 of its auth key, expiry and revocation.</summary>
internal sealed record AccessKeyRecord(Guid KeyId, Guid AccountId, byte[] AuthHash, long? ExpiresAtMs, long? RevokedAtMs);

/// <summary>How registering an access key ended.</summary>
internal enum AccessKeyRegistration
{
    Registered,
    Conflict,
}

/// <summary>
/// Read-only access keys and their grants (opaque envelopes). Every device query carries the caller's
/// account id; revocation marks the key and deletes its grants in one transaction, so every instance
/// refuses the key from the next request on.
/// </summary>
internal sealed class AccessStore(Database database, TimeProvider time)
{
    /// <summary>Registers a key of the account; the same key again (same account and hash, not revoked) is accepted again.</summary>
    public async Task<AccessKeyRegistration> RegisterAsync(Guid accountId, Guid keyId, byte[] authHash, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using (DbCommand insert = Database.Command(connection, transaction, """
            INSERT INTO access_keys (key_id, account_id, auth_hash, expires_at, created_at, revoked_at)
            VALUES (@key, @account, @hash, @expires, @now, NULL) ON CONFLICT (key_id) DO NOTHING
            """, ("@key", keyId.ToText()), ("@account", accountId.ToText()), ("@hash", authHash), ("@expires", expiresAt?.ToUnixTimeMilliseconds()),
            ("@now", time.GetUtcNow().ToUnixTimeMilliseconds())))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        AccessKeyRecord? stored = await FindAsync(connection, transaction, keyId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored is not null && stored.AccountId == accountId && stored.RevokedAtMs is null
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(stored.AuthHash, authHash)
            && stored.ExpiresAtMs == expiresAt?.ToUnixTimeMilliseconds()
            ? AccessKeyRegistration.Registered
            : AccessKeyRegistration.Conflict;
    }

    /// <summary>Replaces every grant of the account's live key; false when the account has no such live key.</summary>
    public async Task<bool> ReplaceGrantsAsync(Guid accountId, Guid keyId, IReadOnlyList<AccessGrantMessage> grants, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken);

        // Locks the key row (PostgreSQL) and proves it is the account's and not revoked, in one statement.
        await using (DbCommand claim = Database.Command(connection, transaction,
            "UPDATE access_keys SET created_at = created_at WHERE key_id = @key AND account_id = @account AND revoked_at IS NULL",
            ("@key", keyId.ToText()), ("@account", accountId.ToText())))
        {
            if (await claim.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        await using (DbCommand clear = Database.Command(connection, transaction, "DELETE FROM access_grants WHERE key_id = @key", ("@key", keyId.ToText())))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (AccessGrantMessage grant in grants)
        {
            await using DbCommand insert = Database.Command(connection, transaction,
                "INSERT INTO access_grants (key_id, record_id, revision, expiry, envelope) VALUES (@key, @record, @revision, @expiry, @envelope)",
                ("@key", keyId.ToText()), ("@record", grant.RecordId.ToText()), ("@revision", grant.Revision), ("@expiry", grant.Expiry), ("@envelope", grant.Envelope));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Revokes the account's key and deletes its grants (idempotent); false when the account has no such key.</summary>
    public async Task<bool> RevokeAsync(Guid accountId, Guid keyId, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using (DbCommand revoke = Database.Command(connection, transaction,
            "UPDATE access_keys SET revoked_at = COALESCE(revoked_at, @now) WHERE key_id = @key AND account_id = @account",
            ("@now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("@key", keyId.ToText()), ("@account", accountId.ToText())))
        {
            if (await revoke.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        await using (DbCommand clear = Database.Command(connection, transaction, "DELETE FROM access_grants WHERE key_id = @key", ("@key", keyId.ToText())))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The key as stored (revoked ones included), or null.</summary>
    public async Task<AccessKeyRecord?> FindAsync(Guid keyId, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, keyId, cancellationToken);
    }

    /// <summary>The grants of a key that is not revoked (none once it is).</summary>
    public async Task<List<AccessGrantMessage>> ReadGrantsAsync(Guid keyId, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbCommand command = Database.Command(connection, null, """
            SELECT g.record_id, g.revision, g.expiry, g.envelope FROM access_grants g
            JOIN access_keys k ON k.key_id = g.key_id
            WHERE g.key_id = @key AND k.revoked_at IS NULL ORDER BY g.record_id
            """, ("@key", keyId.ToText()));
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var grants = new List<AccessGrantMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            grants.Add(new AccessGrantMessage { RecordId = reader.GetId(0), Revision = reader.GetInt64(1), Expiry = reader.GetInt64(2), Envelope = reader.GetBytes(3) });
        }

        return grants;
    }

    private static async Task<AccessKeyRecord?> FindAsync(DbConnection connection, DbTransaction? transaction, Guid keyId, CancellationToken cancellationToken)
    {
        await using DbCommand command = Database.Command(connection, transaction,
            "SELECT account_id, auth_hash, expires_at, revoked_at FROM access_keys WHERE key_id = @key", ("@key", keyId.ToText()));
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AccessKeyRecord(keyId, reader.GetId(0), reader.GetBytes(1), reader.GetNullableInt64(2), reader.GetNullableInt64(3))
            : null;
    }
}
