using System;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public sealed class AccountVerifierTests : IDisposable
{
    private readonly AccountKey _accountKey = TestValues.FixedAccountKey();
    private readonly AccountKeys _keys;

    public AccountVerifierTests() => _keys = AccountKeys.Derive(_accountKey, TestValues.AccountId);

    public void Dispose()
    {
        _keys.Dispose();
        _accountKey.Dispose();
    }

    [Fact]
    public void Verify_AcceptsTheRightKey()
    {
        byte[] verifier = AccountVerifier.Create(_keys);

        AccountVerifier.Verify(_keys, verifier);
        Assert.Equal(Envelope.Overhead + AccountVerifier.KnownText.Length, verifier.Length);
    }

    [Fact]
    public void Verifier_IsTheKnownTextSealedWithTheVerifierKey()
    {
        byte[] verifier = AccountVerifier.Create(_keys);

        byte[] content = Envelope.Open(_keys.Verifier, AssociatedData.ForVerifier(TestValues.AccountId), verifier);
        Assert.Equal(AccountVerifier.KnownText, Encoding.ASCII.GetString(content));
    }

    [Fact]
    public void Verify_RejectsAnotherAccountKey()
    {
        byte[] verifier = AccountVerifier.Create(_keys);
        using AccountKey other = AccountKey.Parse(TestValues.OtherAccountKeyText);
        using var otherKeys = AccountKeys.Derive(other, TestValues.AccountId);

        TestValues.AssertFails(MSecureErrorCode.VerifierMismatch, () => AccountVerifier.Verify(otherKeys, verifier));
    }

    [Fact]
    public void Verify_RejectsAnotherAccountId()
    {
        byte[] verifier = AccountVerifier.Create(_keys);
        using var otherAccount = AccountKeys.Derive(_accountKey, TestValues.OtherAccountId);

        TestValues.AssertFails(MSecureErrorCode.VerifierMismatch, () => AccountVerifier.Verify(otherAccount, verifier));
    }

    [Theory]
    [InlineData(5)] // nonce
    [InlineData(40)] // ciphertext
    [InlineData(-1)] // tag
    public void Verify_RejectsATamperedBlob(int position)
    {
        byte[] verifier = AccountVerifier.Create(_keys);
        verifier[position < 0 ? verifier.Length + position : position] ^= 0x20;

        TestValues.AssertFails(MSecureErrorCode.VerifierMismatch, () => AccountVerifier.Verify(_keys, verifier));
    }

    [Fact]
    public void Verify_RejectsAnAuthenticEnvelopeWithOtherContent()
    {
        byte[] forged = Envelope.Seal(_keys.Verifier, AssociatedData.ForVerifier(TestValues.AccountId), "MSecure for PowerShell."u8);

        TestValues.AssertFails(MSecureErrorCode.VerifierMismatch, () => AccountVerifier.Verify(_keys, forged));
    }

    [Fact]
    public void Verify_ReportsATruncatedBlobAsTruncated()
    {
        TestValues.AssertFails(MSecureErrorCode.EnvelopeTruncated, () => AccountVerifier.Verify(_keys, new byte[10]));
    }
}
