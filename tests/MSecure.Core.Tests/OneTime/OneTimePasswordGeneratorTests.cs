using System;
using System.Text;
using MSecure.Core.OneTime;
using OtpNet;
using Xunit;

namespace MSecure.Core.Tests.OneTime;

/// <summary>Known-answer vectors: RFC 6238 appendix B (TOTP) and RFC 4226 appendix D (the HOTP values a 60-second period gives).</summary>
public sealed class OneTimePasswordGeneratorTests
{
    private const string Sha1Key = "12345678901234567890";
    private const string Sha256Key = "12345678901234567890123456789012";
    private const string Sha512Key = "1234567890123456789012345678901234567890123456789012345678901234";

    [Theory]
    [InlineData(59L, "94287082", "46119246", "90693936")]
    [InlineData(1111111109L, "07081804", "68084774", "25091201")]
    [InlineData(1111111111L, "14050471", "67062674", "99943326")]
    [InlineData(1234567890L, "89005924", "91819424", "93441116")]
    [InlineData(2000000000L, "69279037", "90698825", "38618901")]
    [InlineData(20000000000L, "65353130", "77737706", "47863826")]
    public void Rfc6238AppendixBVectorsAtEightDigits(long unixSeconds, string sha1, string sha256, string sha512)
    {
        DateTimeOffset at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        Assert.Equal(sha1, CodeOf(Uri(Sha1Key, "SHA1", digits: 8), at).Code);
        Assert.Equal(sha256, CodeOf(Uri(Sha256Key, "SHA256", digits: 8), at).Code);
        Assert.Equal(sha512, CodeOf(Uri(Sha512Key, "SHA512", digits: 8), at).Code);
    }

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(20000000000L, "353130")]
    public void SixDigitsAreTheLastSixOfTheEightDigitCode(long unixSeconds, string expected)
    {
        // Truncation is the same number modulo 10^digits (RFC 4226 section 5.3).
        Assert.Equal(expected, CodeOf(Uri(Sha1Key, "SHA1", digits: 6), DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).Code);
        Assert.Equal(expected, CodeOf(Base32(Sha1Key), DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).Code);
    }

    [Theory]
    [InlineData(0L, "755224")]
    [InlineData(59L, "755224")]
    [InlineData(60L, "287082")]
    [InlineData(179L, "359152")]
    [InlineData(540L, "520489")]
    public void ASixtySecondPeriodStepsTheCounterEverySixtySeconds(long unixSeconds, string rfc4226Value)
    {
        OneTimePasswordCode code = CodeOf(Uri(Sha1Key, "SHA1", digits: 6, period: 60), DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(rfc4226Value, code.Code);
        Assert.Equal(60, code.Period);
        Assert.Equal(unixSeconds / 60 * 60, code.ValidFrom.ToUnixTimeSeconds());
    }

    [Fact]
    public void ValidityAndRemainingSecondsFollowTheTimeStep()
    {
        OneTimePasswordCode code = CodeOf(Base32(Sha1Key), DateTimeOffset.FromUnixTimeSeconds(1111111109));

        Assert.Equal(1111111080, code.ValidFrom.ToUnixTimeSeconds());
        Assert.Equal(1111111110, code.ValidUntil.ToUnixTimeSeconds());
        Assert.Equal(1, code.RemainingSecondsAt(DateTimeOffset.FromUnixTimeSeconds(1111111109)));
        Assert.Equal(30, code.RemainingSecondsAt(DateTimeOffset.FromUnixTimeSeconds(1111111080)));
        Assert.Equal(1, code.RemainingSecondsAt(DateTimeOffset.FromUnixTimeMilliseconds(1111111109_500)));
        Assert.Equal(0, code.RemainingSecondsAt(DateTimeOffset.FromUnixTimeSeconds(1111111200)));
        Assert.Equal(OneTimePasswordAlgorithm.Sha1, code.Algorithm);
        Assert.Equal(6, code.Digits);
    }

    [Fact]
    public void TextFormsNeverShowTheCodeOrTheKey()
    {
        string secret = Base32Encoding.ToString(Encoding.ASCII.GetBytes(Sha1Key));
        using OneTimePasswordSeed seed = OneTimePasswordSeeds.Parse(secret, "r");
        OneTimePasswordCode code = OneTimePasswordGenerator.Compute(seed, DateTimeOffset.FromUnixTimeSeconds(59));

        Assert.DoesNotContain("287082", code.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, seed.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sha1", seed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DisposeWipesTheKey()
    {
        OneTimePasswordSeed seed = OneTimePasswordSeeds.Parse(Base32(Sha1Key), "r");
        Assert.Equal(Encoding.ASCII.GetBytes(Sha1Key), seed.Key.ToArray());

        seed.Dispose();

        Assert.All(seed.Key.ToArray(), b => Assert.Equal(0, b));
    }

    internal static string Base32(string asciiKey) => Base32Encoding.ToString(Encoding.ASCII.GetBytes(asciiKey)).TrimEnd('=');

    private static string Uri(string asciiKey, string algorithm, int digits, int period = 30) =>
        $"otpauth://totp/ACME:alice@example.com?secret={Base32(asciiKey)}&issuer=ACME&algorithm={algorithm}&digits={digits}&period={period}";

    private static OneTimePasswordCode CodeOf(string seedText, DateTimeOffset at)
    {
        using OneTimePasswordSeed seed = OneTimePasswordSeeds.Parse(seedText, "record");
        return OneTimePasswordGenerator.Compute(seed, at);
    }
}
