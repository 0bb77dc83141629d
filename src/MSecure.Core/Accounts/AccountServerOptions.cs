using System;

namespace MSecure.Core.Accounts;

/// <summary>How the client talks to an account server: timeouts and retries of transient failures.</summary>
public sealed record AccountServerOptions
{
    /// <summary>The defaults: 10 s to connect, 30 s per request, 3 retries from 250 ms, doubling, with jitter.</summary>
    public static AccountServerOptions Default { get; } = new();

    /// <summary>How long establishing a connection (TCP and TLS) may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one request may take, from sending to the end of the answer.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a transient failure (connection refused or reset, timeout, 502/503/504) is retried.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The delay before the first retry; each further one doubles it (with jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);
}
