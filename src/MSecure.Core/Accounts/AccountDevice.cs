using System;

namespace MSecure.Core.Accounts;

/// <summary>A device enrolled in the account, as the account server lists it.</summary>
/// <param name="DeviceId">The device's id.</param>
/// <param name="Name">The device's name.</param>
/// <param name="EnrolledAt">When it enrolled.</param>
/// <param name="LastSeenAt">When it last signed in.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
/// <param name="IsCurrent">Whether it is this device.</param>
public sealed record AccountDevice(Guid DeviceId, string Name, DateTimeOffset EnrolledAt, DateTimeOffset LastSeenAt, DateTimeOffset? RevokedAt, bool IsCurrent)
{
    /// <summary>Whether the device was revoked.</summary>
    public bool IsRevoked => RevokedAt is not null;
}
