using System;
using MSecure.Core.Errors;
using MSecure.Core.OneTime;
using MSecure.Core.Records;
using Xunit;

using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.OneTime;

public sealed class OneTimePasswordSeedsTests
{
    // "Hello!" followed by 0xDEADBEEF: 10 bytes, the shortest key accepted.
    private const string Secret = "JBSWY3DPEHPK3PXP";

    [Theory]
    [InlineData("JBSWY3DPEHPK3PXP")]
    [InlineData("jbswy3dpehpk3pxp")]
    [InlineData("JBSW Y3DP EHPK 3PXP")]
    [InlineData("  jbsw-y3dp-ehpk-3pxp \n")]
    [InlineData("JBSWY3DPEHPK3PXP======")]
    [InlineData("otpauth://totp/Example:alice?secret=jbsw%20y3dp%20ehpk%203pxp")]
    public void Base32IsReadWhateverItsSpacingCaseAndPadding(string text)
    {
        using OneTimePasswordSeed seed = OneTimePasswordSeeds.Parse(text, "r");

        Assert.Equal(Convert.FromHexString("48656C6C6F21DEADBEEF"), seed.Key.ToArray());
        Assert.Equal(OneTimePasswordAlgorithm.Sha1, seed.Algorithm);
        Assert.Equal(6, seed.Digits);
        Assert.Equal(30, seed.Period);
    }

    [Fact]
    public void AnOtpauthUriGivesItsSettingsIssuerAndAccount()
    {
        using OneTimePasswordSeed seed = OneTimePasswordSeeds.Parse(
            $"otpauth://totp/ACME%20Co:alice%40example.com?secret={Secret}&issuer=ACME+Corp&algorithm=sha256&digits=8&period=60", "r");

        Assert.Equal(OneTimePasswordAlgorithm.Sha256, seed.Algorithm);
        Assert.Equal(8, seed.Digits);
        Assert.Equal(60, seed.Period);
        Assert.Equal("ACME Corp", seed.Issuer);
        Assert.Equal("alice@example.com", seed.Account);
    }

    [Fact]
    public void WithoutAnIssuerParameterTheLabelPrefixIsTheIssuer()
    {
        using OneTimePasswordSeed seed = OneTimePasswordSeeds.Parse($"OTPAUTH://TOTP/GitHub:bob?SECRET={Secret}&Algorithm=SHA512", "r");

        Assert.Equal("GitHub", seed.Issuer);
        Assert.Equal("bob", seed.Account);
        Assert.Equal(OneTimePasswordAlgorithm.Sha512, seed.Algorithm);
    }

    [Theory]
    [InlineData("otpauth://hotp/ACME:alice?secret=" + Secret + "&counter=3", "HOTP")]
    [InlineData("otpauth://xotp/ACME:alice?secret=" + Secret, "type totp")]
    [InlineData("otpauth://totp/ACME:alice?issuer=ACME", "no secret")]
    [InlineData("otpauth://totp/ACME:alice?secret=" + Secret + "&secret=" + Secret, "twice")]
    [InlineData("otpauth://totp/ACME:alice?secret=" + Secret + "&algorithm=MD5", "algorithm 'MD5'")]
    [InlineData("otpauth://totp/ACME:alice?secret=" + Secret + "&digits=7", "digits '7'")]
    [InlineData("otpauth://totp/ACME:alice?secret=" + Secret + "&period=0", "period '0'")]
    [InlineData("otpauth://totp/ACME:alice?secret=" + Secret + "&period=3601", "period '3601'")]
    [InlineData("otpauth://totp/ACME:alice?secret=" + Secret + "&period=-30", "period '-30'")]
    [InlineData("otpauth://totp/ACME:alice?secret=" + Secret + "&period=abc", "period 'abc'")]
    [InlineData("JBSWY3DPEHPK3PX0", "not Base32")]
    [InlineData("JBSWY3DPEHPK3PX8", "not Base32")]
    [InlineData("JBSWY3DP=EHPK3PXP", "after the '=' padding")]
    [InlineData("JBSWY3DPEHPK3PXPA", "length")]
    [InlineData("JBSWY3DPEHPK", "shorter than 80 bits")]
    [InlineData("", "shorter than 80 bits")]
    public void AnUnusableSeedIsOneTimePasswordInvalidAndNeverQuotesTheSecret(string text, string reason)
    {
        MSecureException error = Assert.Throws<MSecureException>(() => OneTimePasswordSeeds.Parse(text, "Work mail"));

        Assert.Equal(MSecureErrorCode.OneTimePasswordInvalid, error.Code);
        Assert.Contains("'Work mail'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[..12], error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(OneTimePasswordSeeds.IsValid(text));
    }

    [Fact]
    public void TheSeedFieldIsTheFirstNonEmptyOneTimePasswordFieldOrTheNamedOne()
    {
        RecordDraft draft = RecordDraft.FromTemplate("github", RecordTemplate.Login);
        draft.SetField("Backup code seed", "otpauth://totp/x?secret=" + Secret, FieldKind.OneTimePasswordSeed);
        Record record = TestRecords.Of(draft);

        Assert.Equal("otpauth://totp/x?secret=" + Secret, OneTimePasswordFields.SeedOf(record, null));
        Assert.True(OneTimePasswordFields.HasSeed(record));
        MSecureException missing = Assert.Throws<MSecureException>(() => OneTimePasswordFields.SeedOf(record, "OneTimePassword"));
        Assert.Equal(MSecureErrorCode.OneTimePasswordMissing, missing.Code);
        Assert.Equal(MSecureErrorCode.OneTimePasswordMissing,
            Assert.Throws<MSecureException>(() => OneTimePasswordFields.SeedOf(record, "No such field")).Code);

        Record without = TestRecords.Of(RecordDraft.FromTemplate("plain", RecordTemplate.Login));
        Assert.False(OneTimePasswordFields.HasSeed(without));
        Assert.Contains("'plain'", Assert.Throws<MSecureException>(() => OneTimePasswordFields.SeedOf(without, null)).Message, StringComparison.Ordinal);
    }
}
