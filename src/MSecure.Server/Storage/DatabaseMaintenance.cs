using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace MSecure.Server.Storage;

/// <summary>Health and housekeeping of the database.</summary>
internal sealed class DatabaseMaintenance(Database database)
{
    /// <summary>Whether the database answers a query over the server's own schema.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using DbConnection connection = await database.OpenAsync(cancellationToken);
            await using DbCommand command = Database.Command(connection, null, "SELECT COUNT(*) FROM schema_migrations");
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>Deletes expired challenges, tokens and invites (every instance may; the deletes are idempotent).</summary>
    public async Task DeleteExpiredAsync(long nowMs, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        foreach (string table in new[] { "challenges", "tokens", "invites" })
        {
            await using DbCommand command = Database.Command(connection, null, $"DELETE FROM {table} WHERE expires_at < @now", ("@now", nowMs));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
