using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace MSecure.Server.Storage;

/// <summary>Devices of an account. Every query names the account, so no caller reaches another account's device.</summary>
internal sealed class DeviceStore(Database database, TimeProvider time)
{
    /// <summary>Enrolls a new device inside the caller's transaction.</summary>
    public async Task<Guid> EnrollAsync(DbConnection connection, DbTransaction transaction, Guid accountId, string name, CancellationToken cancellationToken)
    {
        var deviceId = Guid.NewGuid();
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using DbCommand command = Database.Command(connection, transaction,
            "INSERT INTO devices (device_id, account_id, name, enrolled_at, last_seen_at, revoked_at) VALUES (@device, @account, @name, @now, @now, NULL)",
            ("@device", deviceId.ToText()), ("@account", accountId.ToText()), ("@name", name), ("@now", now));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return deviceId;
    }

    /// <summary>
    /// The device a sign-in continues: the named one when it belongs to the account (null when it
    /// is revoked), else a newly enrolled one.
    /// </summary>
    public async Task<Guid?> ContinueOrEnrollAsync(DbConnection connection, DbTransaction transaction, Guid accountId, Guid? deviceId, string name, CancellationToken cancellationToken)
    {
        if (deviceId is Guid known)
        {
            await using DbCommand lookup = Database.Command(connection, transaction,
                "SELECT revoked_at FROM devices WHERE device_id = @device AND account_id = @account",
                ("@device", known.ToText()), ("@account", accountId.ToText()));
            object? revokedAt = await lookup.ExecuteScalarAsync(cancellationToken);
            if (revokedAt is not null)
            {
                if (revokedAt is not DBNull)
                {
                    return null;
                }

                await using DbCommand touch = Database.Command(connection, transaction,
                    "UPDATE devices SET name = @name, last_seen_at = @now WHERE device_id = @device AND account_id = @account",
                    ("@name", name), ("@now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("@device", known.ToText()), ("@account", accountId.ToText()));
                await touch.ExecuteNonQueryAsync(cancellationToken);
                return known;
            }
        }

        return await EnrollAsync(connection, transaction, accountId, name, cancellationToken);
    }

    /// <summary>The account's devices, oldest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<DeviceRecord>> ListAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbCommand command = Database.Command(connection, null,
            "SELECT device_id, name, enrolled_at, last_seen_at, revoked_at FROM devices WHERE account_id = @account ORDER BY enrolled_at, device_id",
            ("@account", accountId.ToText()));
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var devices = new List<DeviceRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(new DeviceRecord(reader.GetId(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetNullableInt64(4)));
        }

        return devices;
    }

    /// <summary>Revokes a device of the account (idempotent); false when the account has no such device.</summary>
    public async Task<bool> RevokeAsync(Guid accountId, Guid deviceId, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbCommand command = Database.Command(connection, null,
            "UPDATE devices SET revoked_at = COALESCE(revoked_at, @now) WHERE device_id = @device AND account_id = @account",
            ("@now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("@device", deviceId.ToText()), ("@account", accountId.ToText()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
