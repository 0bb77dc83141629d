using System;
using System.Threading.RateLimiting;

namespace MSecure.Server.Http;

/// <summary>
/// The per-account limit (the per-address one is the global limiter of the pipeline): a fixed window
/// per account, keyed by what the request names (normalized email, account id), checked by the
/// endpoints once they know it. Sync routes count in a partition of their own (<see cref="RateLimitKeys.ForSync"/>)
/// with <see cref="ServerSettings.RateLimitSyncPerAccount"/>.
/// </summary>
internal sealed class AccountRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public AccountRateLimiter(ServerSettings settings)
    {
        _window = settings.RateLimitWindow;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.StartsWith(RateLimitKeys.SyncPrefix, StringComparison.Ordinal) ? settings.RateLimitSyncPerAccount : settings.RateLimitPerAccount,
            Window = settings.RateLimitWindow,
            QueueLimit = 0,
        }));
    }

    /// <summary>Null when the request may go on, else the 429 to answer.</summary>
    public RateLimitedResult? Check(string accountKey)
    {
        using RateLimitLease lease = _limiter.AttemptAcquire(accountKey);
        if (lease.IsAcquired)
        {
            return null;
        }

        return new RateLimitedResult(lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter) ? retryAfter : _window);
    }

    public void Dispose() => _limiter.Dispose();
}
