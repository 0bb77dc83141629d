using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Server.Security;

namespace MSecure.Server.Storage;

/// <summary>Invite codes for invite-only registration (stored hashed, single use, expiring).</summary>
internal sealed class InviteStore(Database database, TimeProvider time)
{
    /// <summary>Creates <paramref name="count"/> codes valid for <paramref name="validity"/>; only their hashes are stored.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(int count, TimeSpan validity, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        var codes = new List<string>(count);
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken);
        for (int i = 0; i < count; i++)
        {
            (string code, byte[] hash) = InviteCodes.Create();
            await using DbCommand command = Database.Command(connection, transaction,
                "INSERT INTO invites (code_hash, created_at, expires_at) VALUES (@hash, @now, @expires)",
                ("@hash", hash), ("@now", now.ToUnixTimeMilliseconds()), ("@expires", now.Add(validity).ToUnixTimeMilliseconds()));
            await command.ExecuteNonQueryAsync(cancellationToken);
            codes.Add(code);
        }

        await transaction.CommitAsync(cancellationToken);
        return codes;
    }
}
