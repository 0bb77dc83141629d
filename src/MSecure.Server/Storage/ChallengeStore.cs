using System;
using System.Data.Common;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;

namespace MSecure.Server.Storage;

/// <summary>Single-use sign-in challenges, stored the same way whether or not the email has an account.</summary>
internal sealed class ChallengeStore(Database database, TimeProvider time, ServerSettings settings)
{
    /// <summary>Looks the email up and stores a fresh challenge bound to its account (or to none).</summary>
    public async Task<ChallengeResponse> IssueAsync(string emailKey, CancellationToken cancellationToken)
    {
        var challengeId = Guid.NewGuid();
        byte[] nonce = RandomNumberGenerator.GetBytes(AccountProtocol.NonceLength);
        DateTimeOffset expiresAt = time.GetUtcNow().Add(settings.ChallengeLifetime);
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        // One statement for known and unknown emails alike: the account id is NULL when none matches.
        await using DbCommand command = Database.Command(connection, null, """
            INSERT INTO challenges (challenge_id, email_key, account_id, nonce, expires_at)
            VALUES (@id, @email, (SELECT account_id FROM accounts WHERE email_key = @email), @nonce, @expires)
            """,
            ("@id", challengeId.ToText()), ("@email", emailKey), ("@nonce", nonce), ("@expires", expiresAt.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new ChallengeResponse { ChallengeId = challengeId, Nonce = nonce, ExpiresAt = expiresAt };
    }

    /// <summary>Deletes and returns the challenge (atomic: a second use finds nothing); null when unknown, used or expired.</summary>
    public async Task<ChallengeRecord?> ConsumeAsync(Guid challengeId, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbCommand command = Database.Command(connection, null,
            "DELETE FROM challenges WHERE challenge_id = @id RETURNING account_id, nonce, expires_at", ("@id", challengeId.ToText()));
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var challenge = new ChallengeRecord(challengeId, reader.GetNullableId(0), reader.GetBytes(1), reader.GetInt64(2));
        return challenge.ExpiresAtMs > time.GetUtcNow().ToUnixTimeMilliseconds() ? challenge : null;
    }
}
