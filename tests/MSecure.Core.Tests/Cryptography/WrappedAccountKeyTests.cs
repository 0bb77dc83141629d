using System;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public sealed class WrappedAccountKeyTests
{
    private const string Email = "alice@example.com";

    private static readonly Lazy<WrappedAccountKey> Wrapped = new(() =>
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        return WrappedAccountKey.Wrap(TestValues.AccountId, Email, accountKey, TestValues.Password, TestValues.FastKdf);
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

        var movedToOtherAccount = new WrappedAccountKey(TestValues.OtherAccountId, Email, wrapped.KdfParameters, salt, envelope);
        var otherPasses = new WrappedAccountKey(wrapped.AccountId, Email, wrapped.KdfParameters with { Passes = 2 }, salt, envelope);
        var otherSaltKey = new WrappedAccountKey(wrapped.AccountId, Email, wrapped.KdfParameters, otherSalt, envelope);

        var otherEmail = new WrappedAccountKey(wrapped.AccountId, "mallory@example.com", wrapped.KdfParameters, salt, envelope);

        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => movedToOtherAccount.Unwrap(TestValues.Password));
        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => otherEmail.Unwrap(TestValues.Password));
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

        WrappedAccountKey wrapped = WrappedAccountKey.Wrap(TestValues.AccountId, Email, accountKey, TestValues.Password);

        Assert.Equal(KdfParameters.Default, wrapped.KdfParameters);
    }

    [Fact]
    public void Constructor_RefusesHostileParameters_AndWrongLengths()
    {
        byte[] salt = new byte[16];
        byte[] envelope = new byte[75];

        TestValues.AssertFails(MSecureErrorCode.KdfParametersOutOfRange,
            () => new WrappedAccountKey(TestValues.AccountId, Email, KdfParameters.Default with { MemoryKiB = 4_194_304 }, salt, envelope));
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument,
            () => new WrappedAccountKey(TestValues.AccountId, Email, KdfParameters.Default, new byte[15], envelope));
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument,
            () => new WrappedAccountKey(TestValues.AccountId, Email, KdfParameters.Default, salt, new byte[74]));
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument,
            () => new WrappedAccountKey(TestValues.AccountId, Email, KdfParameters.Default, salt, new byte[76]));
    }

    [Fact]
    public void AKeyWrappedBeforeTheEmailWasBound_StillOpens_AndComesBackWrappedWithIt()
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        byte[] salt = UnlockKeyDerivation.CreateSalt();
        byte[] legacyEnvelope;
        using (SecretKey unlockKey = UnlockKeyDerivation.Derive(TestValues.Password, salt, TestValues.FastKdf))
        {
            legacyEnvelope = Envelope.Seal(unlockKey, AssociatedData.ForLegacyWrappedAccountKey(TestValues.AccountId, TestValues.FastKdf, salt), accountKey.AsciiBytes);
        }

        var legacy = new WrappedAccountKey(TestValues.AccountId, Email, TestValues.FastKdf, salt, legacyEnvelope);
        using (AccountKey opened = legacy.Unwrap(TestValues.Password, out WrappedAccountKey? upgraded))
        {
            Assert.Equal(TestValues.AccountKeyText, TestValues.TextOf(opened));
            Assert.NotNull(upgraded);
            Assert.Equal(salt, upgraded.Salt.ToArray());
            Assert.NotEqual(legacyEnvelope, upgraded.EnvelopeBytes.ToArray());

            // The upgraded key is bound to the email: it opens as itself and not under another email.
            using AccountKey again = upgraded.Unwrap(TestValues.Password, out WrappedAccountKey? none);
            Assert.Null(none);
            Assert.Equal(TestValues.AccountKeyText, TestValues.TextOf(again));
            var otherEmail = new WrappedAccountKey(TestValues.AccountId, "mallory@example.com", TestValues.FastKdf, salt, upgraded.EnvelopeBytes.Span);
            TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => otherEmail.Unwrap(TestValues.Password));
        }

        TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => legacy.Unwrap(TestValues.Password + "x"));
    }
}
