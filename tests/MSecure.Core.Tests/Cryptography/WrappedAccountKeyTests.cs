using System;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public sealed class WrappedAccountKeyTests
{
    private static readonly Lazy<WrappedAccountKey> Wrapped = new(() =>
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        return WrappedAccountKey.Wrap(TestValues.AccountId, accountKey, TestValues.Password, TestValues.FastKdf);
    });

    [Fact]
    public void Wrap_ProducesTheDocumentedShape()
    {
        WrappedAccountKey wrapped = Wrapped.Value;

        Assert.Equal(TestValues.AccountId, wrapped.AccountId);
        Assert.Equal(TestValues.FastKdf, wrapped.KdfParameters);
        Assert.Equal(16, wrapped.Salt.Length);
        Assert.Equal(75, wrapped.EnvelopeBytes.Length);
        Assert.Equal(Envelope.Version, wrapped.EnvelopeBytes.Span[0]);
        Assert.DoesNotContain(TestValues.AccountKeyText[..6], wrapped.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unwrap_WithTheRightPassword_GivesBackTheAccountKey()
    {
        using AccountKey unwrapped = Wrapped.Value.Unwrap(TestValues.Password);

        Assert.Equal(TestValues.AccountKeyText, TestValues.TextOf(unwrapped));
    }

    [Fact]
    public void Unwrap_WithAWrongPassword_IsWrongPassword()
    {
        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => Wrapped.Value.Unwrap(TestValues.Password + " "));
    }

    [Fact]
    public void Unwrap_FailsWhenAStoredFieldIsChanged()
    {
        WrappedAccountKey wrapped = Wrapped.Value;
        byte[] salt = wrapped.Salt.ToArray();
        byte[] envelope = wrapped.EnvelopeBytes.ToArray();
        byte[] otherSalt = (byte[])salt.Clone();
        otherSalt[0] ^= 1;

        var movedToOtherAccount = new WrappedAccountKey(TestValues.OtherAccountId, wrapped.KdfParameters, salt, envelope);
        var otherPasses = new WrappedAccountKey(wrapped.AccountId, wrapped.KdfParameters with { Passes = 2 }, salt, envelope);
        var otherSaltKey = new WrappedAccountKey(wrapped.AccountId, wrapped.KdfParameters, otherSalt, envelope);

        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => movedToOtherAccount.Unwrap(TestValues.Password));
        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => otherPasses.Unwrap(TestValues.Password));
        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => otherSaltKey.Unwrap(TestValues.Password));
    }

    [Fact]
    public void ChangePassword_RewrapsWithNewSaltAndNonce_OldWrappingStillOpensWithOldPassword()
    {
        WrappedAccountKey original = Wrapped.Value;

        WrappedAccountKey changed = original.ChangePassword(TestValues.Password, "a new passphrase");

        Assert.Equal(original.AccountId, changed.AccountId);
        Assert.Equal(original.KdfParameters, changed.KdfParameters);
        Assert.NotEqual(original.Salt.ToArray(), changed.Salt.ToArray());
        Assert.NotEqual(original.EnvelopeBytes.Slice(1, 12).ToArray(), changed.EnvelopeBytes.Slice(1, 12).ToArray());
        using (AccountKey reopened = changed.Unwrap("a new passphrase"))
        {
            Assert.Equal(TestValues.AccountKeyText, TestValues.TextOf(reopened));
        }

        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => changed.Unwrap(TestValues.Password));
        using AccountKey stillOpens = original.Unwrap(TestValues.Password);
        Assert.Equal(TestValues.AccountKeyText, TestValues.TextOf(stillOpens));
    }

    [Fact]
    public void ChangePassword_WithTheWrongCurrentPassword_IsWrongPassword()
    {
        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => Wrapped.Value.ChangePassword("not it", "new"));
    }

    [Fact]
    public void Wrap_WithoutParameters_UsesTheDefaults()
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();

        WrappedAccountKey wrapped = WrappedAccountKey.Wrap(TestValues.AccountId, accountKey, TestValues.Password);

        Assert.Equal(KdfParameters.Default, wrapped.KdfParameters);
    }

    [Fact]
    public void Constructor_RefusesHostileParameters_AndWrongLengths()
    {
        byte[] salt = new byte[16];
        byte[] envelope = new byte[75];

        TestValues.AssertFails(MSecureErrorCode.KdfParametersOutOfRange,
            () => new WrappedAccountKey(TestValues.AccountId, KdfParameters.Default with { MemoryKiB = 4_194_304 }, salt, envelope));
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument,
            () => new WrappedAccountKey(TestValues.AccountId, KdfParameters.Default, new byte[15], envelope));
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument,
            () => new WrappedAccountKey(TestValues.AccountId, KdfParameters.Default, salt, new byte[74]));
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument,
            () => new WrappedAccountKey(TestValues.AccountId, KdfParameters.Default, salt, new byte[76]));
    }
}
