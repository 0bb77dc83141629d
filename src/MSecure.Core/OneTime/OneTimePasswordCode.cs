using System;
using System.Globalization;

namespace MSecure.Core.OneTime;

/// <summary>A computed TOTP code and the time step it belongs to. Its text form never shows the code.</summary>
/// <param name="Code">The code: <see cref="Digits"/> decimal digits, leading zeros kept.</param>
/// <param name="ValidFrom">When the code's time step began.</param>
/// <param name="ValidUntil">When the code's time step ends (the next code starts).</param>
/// <param name="Period">The time step, in seconds.</param>
/// <param name="Digits">The number of digits.</param>
/// <param name="Algorithm">The HMAC hash.</param>
public sealed record OneTimePasswordCode(string Code, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, int Period, int Digits, OneTimePasswordAlgorithm Algorithm)
{
    /// <summary>Whole seconds left at <paramref name="now"/> before <see cref="ValidUntil"/> (at least 1 while the code is valid, 0 after).</summary>
    public int RemainingSecondsAt(DateTimeOffset now) =>
        (int)Math.Clamp(Math.Ceiling((ValidUntil - now).TotalSeconds), 0, Period);

    /// <summary>The settings and validity; never the code (the generated ToString would print it).</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "TOTP code ({0}, {1} digits, valid until {2:O})", Algorithm, Digits, ValidUntil);
}
