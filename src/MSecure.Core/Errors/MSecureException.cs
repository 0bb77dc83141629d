using System;

namespace MSecure.Core.Errors;

/// <summary>
/// The one exception type the core throws for expected failures. Messages are written for
/// the user and never contain a secret; <see cref="Code"/> is the stable identifier.
/// Create instances through <see cref="MSecureErrors"/>.
/// </summary>
public sealed class MSecureException : Exception
{
    /// <summary>Creates an exception; prefer the factories in <see cref="MSecureErrors"/>.</summary>
    public MSecureException(MSecureErrorCode code, MSecureErrorCategory category, string message)
        : base(message)
    {
        Code = code;
        Category = category;
    }

    /// <summary>Creates an exception wrapping a lower-level cause whose message holds no secret.</summary>
    public MSecureException(MSecureErrorCode code, MSecureErrorCategory category, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
        Category = category;
    }

    /// <summary>The stable identifier of the failure.</summary>
    public MSecureErrorCode Code { get; }

    /// <summary>The kind of failure.</summary>
    public MSecureErrorCategory Category { get; }

    /// <summary>For RateLimited: how long the server asked to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
