using System;

namespace MSecure.Core.Sessions;

/// <summary>What is known about one unlocked session, without the session itself.</summary>
/// <param name="VaultPath">The full path of the vault file: the cache key.</param>
/// <param name="UnlockedAt">When the session was added.</param>
/// <param name="LastUsedAt">When the session was last added, fetched or touched.</param>
/// <param name="IdleTimeout">How long the session may stay unused.</param>
public sealed record SessionCacheEntry(string VaultPath, DateTimeOffset UnlockedAt, DateTimeOffset LastUsedAt, TimeSpan IdleTimeout)
{
    /// <summary>When the session locks itself unless used before.</summary>
    public DateTimeOffset ExpiresAt => LastUsedAt + IdleTimeout;
}
