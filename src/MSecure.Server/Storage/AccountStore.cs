using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Security;

namespace MSecure.Server.Storage;

/// <summary>How a registration ended.</summary>
internal enum RegistrationOutcome
{
    Registered,
    AccountExists,
    InviteInvalid,
}

/// <summary>Accounts: registration, current and retired keys, key rotation.</summary>
internal sealed class AccountStore(Database database, TimeProvider time, DeviceStore devices, TokenStore tokens)
{
    /// <summary>The account's current key material, or null.</summary>
    public async Task<AccountRecord?> FindAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbCommand command = Database.Command(connection, null,
            "SELECT email, public_key, verifier, key_generation FROM accounts WHERE account_id = @account", ("@account", accountId.ToText()));
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AccountRecord(accountId, reader.GetString(0), reader.GetBytes(1), reader.GetBytes(2), reader.GetInt64(3))
            : null;
    }

    /// <summary>The public keys the account used before its rotations.</summary>
    public async Task<IReadOnlyList<byte[]>> RetiredKeysAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbCommand command = Database.Command(connection, null,
            "SELECT public_key FROM retired_keys WHERE account_id = @account ORDER BY key_generation DESC", ("@account", accountId.ToText()));
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<byte[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetBytes(0));
        }

        return keys;
    }

    /// <summary>
    /// Registers the account with its first device, or, when exactly this account (id, email and key)
    /// exists, enrolls another device of it. An invite code (when required) is spent only on a new account.
    /// </summary>
    public async Task<(RegistrationOutcome Outcome, Session? Session)> RegisterAsync(RegisterAccountRequest request, bool inviteRequired, CancellationToken cancellationToken)
    {
        string emailKey = EmailKeys.Normalize(request.Email);
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken);
        try
        {
            await using (DbCommand existing = Database.Command(connection, transaction,
                "SELECT account_id, email, public_key, key_generation FROM accounts WHERE account_id = @account OR email_key = @email",
                ("@account", request.AccountId.ToText()), ("@email", emailKey)))
            await using (DbDataReader reader = await existing.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    bool same = reader.GetId(0) == request.AccountId
                        && string.Equals(reader.GetString(1), request.Email, StringComparison.Ordinal)
                        && reader.GetBytes(2).AsSpan().SequenceEqual(request.PublicKey);
                    long generation = reader.GetInt64(3);
                    if (!same || await reader.ReadAsync(cancellationToken))
                    {
                        return (RegistrationOutcome.AccountExists, null);
                    }

                    await reader.DisposeAsync();
                    return (RegistrationOutcome.Registered, await EnrollAndCommitAsync(connection, transaction, request.AccountId, generation, request.DeviceName, cancellationToken));
                }
            }

            if (inviteRequired && !await SpendInviteAsync(connection, transaction, request.InviteCode, cancellationToken))
            {
                return (RegistrationOutcome.InviteInvalid, null);
            }

            await using (DbCommand insert = Database.Command(connection, transaction, """
                INSERT INTO accounts (account_id, email, email_key, public_key, verifier, key_generation, created_at)
                VALUES (@account, @email, @emailKey, @publicKey, @verifier, 1, @now)
                """,
                ("@account", request.AccountId.ToText()), ("@email", request.Email), ("@emailKey", emailKey),
                ("@publicKey", request.PublicKey), ("@verifier", request.Verifier), ("@now", time.GetUtcNow().ToUnixTimeMilliseconds())))
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            return (RegistrationOutcome.Registered, await EnrollAndCommitAsync(connection, transaction, request.AccountId, 1, request.DeviceName, cancellationToken));
        }
        catch (DbException exception) when (database.IsUniqueViolation(exception))
        {
            // Another instance registered the same id or email between our read and our insert.
            return (RegistrationOutcome.AccountExists, null);
        }
    }

    /// <summary>
    /// Makes the new key and verifier current if the account is still at <paramref name="current"/>'s
    /// generation, retiring the old key and emptying the account's sync log (its envelopes were sealed
    /// under the old key); returns a token for the calling device, or null when another rotation won.
    /// </summary>
    public async Task<Session?> RotateKeyAsync(AccountRecord current, byte[] newPublicKey, byte[] newVerifier, Guid deviceId, CancellationToken cancellationToken)
    {
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using (DbCommand update = Database.Command(connection, transaction,
            "UPDATE accounts SET public_key = @publicKey, verifier = @verifier, key_generation = key_generation + 1 WHERE account_id = @account AND key_generation = @generation",
            ("@publicKey", newPublicKey), ("@verifier", newVerifier), ("@account", current.AccountId.ToText()), ("@generation", current.KeyGeneration)))
        {
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return null;
            }
        }

        await using (DbCommand retire = Database.Command(connection, transaction,
            "INSERT INTO retired_keys (account_id, key_generation, public_key, retired_at) VALUES (@account, @generation, @publicKey, @now)",
            ("@account", current.AccountId.ToText()), ("@generation", current.KeyGeneration), ("@publicKey", current.PublicKey), ("@now", now)))
        {
            await retire.ExecuteNonQueryAsync(cancellationToken);
        }

        await SyncStore.DropLogAsync(connection, transaction, current.AccountId, cancellationToken);
        Session session = await tokens.IssueAsync(connection, transaction, current.AccountId, deviceId, current.KeyGeneration + 1, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return session;
    }

    private async Task<Session> EnrollAndCommitAsync(DbConnection connection, DbTransaction transaction, Guid accountId, long keyGeneration, string deviceName, CancellationToken cancellationToken)
    {
        Guid deviceId = await devices.EnrollAsync(connection, transaction, accountId, deviceName, cancellationToken);
        Session session = await tokens.IssueAsync(connection, transaction, accountId, deviceId, keyGeneration, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return session;
    }

    private async Task<bool> SpendInviteAsync(DbConnection connection, DbTransaction transaction, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        await using DbCommand command = Database.Command(connection, transaction,
            "DELETE FROM invites WHERE code_hash = @hash AND expires_at > @now RETURNING code_hash",
            ("@hash", InviteCodes.Hash(code)), ("@now", time.GetUtcNow().ToUnixTimeMilliseconds()));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
