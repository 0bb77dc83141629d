using System;
using System.Collections.Generic;
using System.IO;
using System.Net;

namespace MSecure.Server;

/// <summary>How a server instance runs: where it keeps its data, where it listens, its policies and limits.</summary>
public sealed record ServerSettings
{
    /// <summary>The default of <see cref="RateLimitPerAddress"/>.</summary>
    public const int DefaultRateLimitPerAddress = 300;

    /// <summary>The default of <see cref="RateLimitPerAccount"/>.</summary>
    public const int DefaultRateLimitPerAccount = 60;

    /// <summary>The default of <see cref="RateLimitSyncPerAccount"/>.</summary>
    public const int DefaultRateLimitSyncPerAccount = 600;

    /// <summary>The folder of the certificate and (without PostgreSQL) the SQLite database.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The address to listen on; 127.0.0.1 by default.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The TCP port; 0 picks a free one.</summary>
    public int Port { get; init; } = 8443;

    /// <summary>Who may register an account.</summary>
    public RegistrationPolicy Registration { get; init; } = RegistrationPolicy.Open;

    /// <summary>A PostgreSQL connection string; null keeps the accounts in SQLite in <see cref="DataDirectory"/>.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Serve plain HTTP instead of HTTPS (loopback only; for development).</summary>
    public bool DevelopmentHttp { get; init; }

    /// <summary>How long a bearer token works.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in challenge may be answered.</summary>
    public TimeSpan ChallengeLifetime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Requests one client address may make per <see cref="RateLimitWindow"/>.</summary>
    public int RateLimitPerAddress { get; init; } = DefaultRateLimitPerAddress;

    /// <summary>Requests that may name one account (by email, id or token) per <see cref="RateLimitWindow"/>.</summary>
    public int RateLimitPerAccount { get; init; } = DefaultRateLimitPerAccount;

    /// <summary>Sync requests (pull and push) one account may make per <see cref="RateLimitWindow"/>; counted apart from <see cref="RateLimitPerAccount"/>.</summary>
    public int RateLimitSyncPerAccount { get; init; } = DefaultRateLimitSyncPerAccount;

    /// <summary>The fixed window of the rate limits.</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Further ASP.NET Core configuration arguments (for example --Logging:LogLevel:Default=Debug).</summary>
    public IReadOnlyList<string> ConfigurationArguments { get; init; } = [];

    /// <summary>The default data folder: $XDG_DATA_HOME (else ~/.local/share) /msecure-server.</summary>
    public static string DefaultDataDirectory()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        string root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return Path.Combine(root, "msecure-server");
    }
}

/// <summary>The server's registration policy.</summary>
public enum RegistrationPolicy
{
    /// <summary>Anyone may register.</summary>
    Open,

    /// <summary>Nobody may register.</summary>
    Closed,

    /// <summary>Registration needs an invite code from <c>msecure-server invite create</c>.</summary>
    Invite,
}
