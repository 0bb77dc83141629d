using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Server.Security;

namespace MSecure.Server.Storage;

/// <summary>Bearer tokens by hash: issue, resolve (never cached, so revocation acts at once), sign out.</summary>
internal sealed class TokenStore(Database database, TimeProvider time, ServerSettings settings)
{
    /// <summary>Issues a token for a device inside the caller's transaction.</summary>
    public async Task<Session> IssueAsync(DbConnection connection, DbTransaction transaction, Guid accountId, Guid deviceId, long keyGeneration, CancellationToken cancellationToken)
    {
        (string token, byte[] hash) = BearerTokens.Create();
        DateTimeOffset expiresAt = time.GetUtcNow().Add(settings.TokenLifetime);
        await using DbCommand command = Database.Command(connection, transaction,
            "INSERT INTO tokens (token_hash, account_id, device_id, key_generation, expires_at) VALUES (@hash, @account, @device, @generation, @expires)",
            ("@hash", hash), ("@account", accountId.ToText()), ("@device", deviceId.ToText()), ("@generation", keyGeneration), ("@expires", expiresAt.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new Session(token, expiresAt, deviceId);
    }

    /// <summary>What the token's hash names, with its device's revocation and its account's key generation.</summary>
    public async Task<TokenRecord?> FindAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbCommand command = Database.Command(connection, null, """
            SELECT t.account_id, t.device_id, t.key_generation, t.expires_at, d.revoked_at, a.key_generation
            FROM tokens t
            JOIN devices d ON d.device_id = t.device_id AND d.account_id = t.account_id
            JOIN accounts a ON a.account_id = t.account_id
            WHERE t.token_hash = @hash
            """, ("@hash", tokenHash));
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new TokenRecord(reader.GetId(0), reader.GetId(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetNullableInt64(4), reader.GetInt64(5));
    }

    /// <summary>Deletes the token (sign-out).</summary>
    public async Task DeleteAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbCommand command = Database.Command(connection, null, "DELETE FROM tokens WHERE token_hash = @hash", ("@hash", tokenHash));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
