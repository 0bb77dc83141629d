using System;
using System.Globalization;
using MSecure.Core.Errors;

namespace MSecure.Core.Sessions;

/// <summary>The idle timeouts an unlocked session may have.</summary>
public static class SessionTimeouts
{
    /// <summary>The idle timeout when none is given: 15 minutes.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(15);

    /// <summary>The shortest idle timeout: 1 second.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    /// <summary>The longest idle timeout: 7 days.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(7);

    /// <summary>Checks <paramref name="timeout"/> against <see cref="Minimum"/> and <see cref="Maximum"/>.</summary>
    /// <exception cref="MSecureException">Out of range (code InvalidArgument).</exception>
    public static TimeSpan Validate(TimeSpan timeout)
    {
        if (timeout < Minimum || timeout > Maximum)
        {
            throw MSecureErrors.InvalidArgument("Timeout", string.Format(CultureInfo.InvariantCulture,
                "it must be from {0} to {1}, and it is {2}.", Minimum, Maximum, timeout));
        }

        return timeout;
    }
}
