using System;
using System.Globalization;

namespace MSecure.Core.OneTime;

/// <summary>
/// A parsed TOTP seed: the secret key in a pinned buffer wiped by <see cref="Dispose"/>, and the
/// generator's settings. Its text form never shows the key. Parse one with <see cref="OneTimePasswordSeeds.Parse"/>.
/// </summary>
public sealed class OneTimePasswordSeed : IDisposable
{
    /// <summary>The default period of RFC 6238 and of otpauth:// URIs, in seconds.</summary>
    public const int DefaultPeriod = 30;

    /// <summary>The default number of digits.</summary>
    public const int DefaultDigits = 6;

    private readonly byte[] _key;

    internal OneTimePasswordSeed(byte[] key, OneTimePasswordAlgorithm algorithm, int digits, int period, string? issuer, string? account)
    {
        _key = key;
        Algorithm = algorithm;
        Digits = digits;
        Period = period;
        Issuer = issuer;
        Account = account;
    }

    /// <summary>The HMAC hash.</summary>
    public OneTimePasswordAlgorithm Algorithm { get; }

    /// <summary>The number of digits of a code: 6 or 8.</summary>
    public int Digits { get; }

    /// <summary>How long a code is valid, in seconds.</summary>
    public int Period { get; }

    /// <summary>The issuer an otpauth:// URI names (its issuer parameter, else the label's prefix), or null.</summary>
    public string? Issuer { get; }

    /// <summary>The account an otpauth:// URI's label names, or null.</summary>
    public string? Account { get; }

    /// <summary>The key, for the generator only; wiped by <see cref="Dispose"/>.</summary>
    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>Wipes the key.</summary>
    public void Dispose() => Array.Clear(_key);

    /// <summary>The settings; never the key.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "TOTP seed ({0}, {1} digits, {2} s)", Algorithm, Digits, Period);
}
