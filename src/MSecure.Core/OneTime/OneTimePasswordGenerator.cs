using System;
using System.Security.Cryptography;
using OtpNet;

namespace MSecure.Core.OneTime;

/// <summary>Computes TOTP codes (RFC 6238) with Otp.NET, the key staying in the seed's wiped buffer.</summary>
public static class OneTimePasswordGenerator
{
    /// <summary>The code of <paramref name="seed"/> for the time step holding <paramref name="at"/>.</summary>
    public static OneTimePasswordCode Compute(OneTimePasswordSeed seed, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var totp = new Totp(new SeedKey(seed), seed.Period, HashModeOf(seed.Algorithm), seed.Digits);
        string code = totp.ComputeTotp(at.UtcDateTime);
        long step = Math.DivRem(at.ToUnixTimeSeconds(), seed.Period, out long into);
        if (into < 0)
        {
            step--;
        }

        DateTimeOffset validFrom = DateTimeOffset.FromUnixTimeSeconds(step * seed.Period);
        return new OneTimePasswordCode(code, validFrom, validFrom.AddSeconds(seed.Period), seed.Period, seed.Digits, seed.Algorithm);
    }

    private static OtpHashMode HashModeOf(OneTimePasswordAlgorithm algorithm) => algorithm switch
    {
        OneTimePasswordAlgorithm.Sha1 => OtpHashMode.Sha1,
        OneTimePasswordAlgorithm.Sha256 => OtpHashMode.Sha256,
        OneTimePasswordAlgorithm.Sha512 => OtpHashMode.Sha512,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a defined algorithm."),
    };

    /// <summary>Otp.NET's key provider over the seed's own buffer (its InMemoryKey would keep a copy nobody wipes).</summary>
    private sealed class SeedKey(OneTimePasswordSeed seed) : IKeyProvider
    {
        // RFC 6238's default and what most services issue; HMAC-SHA-1 is not broken as a MAC.
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "TOTP interoperability: the service chose the hash.")]
        public byte[] ComputeHmac(OtpHashMode mode, byte[] data) => mode switch
        {
            OtpHashMode.Sha1 => HMACSHA1.HashData(seed.Key, data),
            OtpHashMode.Sha256 => HMACSHA256.HashData(seed.Key, data),
            OtpHashMode.Sha512 => HMACSHA512.HashData(seed.Key, data),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a defined hash mode."),
        };
    }
}
