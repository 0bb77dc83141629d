using System;

namespace MSecure.Core.Vault;

/// <summary>Timestamps as stored: Unix milliseconds, UTC.</summary>
internal static class VaultClock
{
    /// <summary>Now, in Unix milliseconds.</summary>
    internal static long NowMilliseconds() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
