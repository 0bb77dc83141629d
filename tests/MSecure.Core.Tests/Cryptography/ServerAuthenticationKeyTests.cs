using System;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public sealed class ServerAuthenticationKeyTests
{
    // For TestValues.AccountKeyText and account 00112233-4455-6677-8899-aabbccddeeff, computed
    // independently (Python "cryptography": HKDF, then ec.derive_private_key) and re-checked
    // below with textbook point arithmetic.
    private const string ExpectedPublicKey =
        "04306fc804f6219de4ea5d0e5138be0f43a52d538690f188a4f5ae8ebe152722f7" +
        "cc8a0d3cc1999e3bc0b1e0c17855f66f5087c24206284875ef65db2a34f5184b";

    private static readonly byte[] Challenge = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Derive_MatchesTheKnownPublicKey()
    {
        using ServerAuthenticationKey key = DeriveFor(TestValues.AccountKeyText, TestValues.AccountId);

        Assert.Equal(ExpectedPublicKey, Convert.ToHexStringLower(key.ExportPublicKey()));
    }

    [Fact]
    public void KnownPublicKey_IsDTimesG_ComputedIndependently()
    {
        // d = (HKDF-Expand(server-authentication key, label, 48) mod (n - 1)) + 1 (FIPS 186-5 A.2.1).
        byte[] serverAuthenticationKey = Convert.FromHexString("c56e8abe173c564a79d71d345d03c33788221632b1cef3ac38551d299e18678d");
        byte[] seed = HKDF.Expand(HashAlgorithmName.SHA256, serverAuthenticationKey, 48,
            "msecure/v1/server-authentication/ecdsa-p256-private-key"u8.ToArray());
        BigInteger d = (new BigInteger(seed, isUnsigned: true, isBigEndian: true) % (P256ReferenceCurve.N - 1)) + 1;

        (BigInteger X, BigInteger Y) q = P256ReferenceCurve.Multiply(d, P256ReferenceCurve.G)!.Value;

        Assert.True(P256ReferenceCurve.IsOnCurve(q));
        Assert.Equal(ExpectedPublicKey, Convert.ToHexStringLower(P256ReferenceCurve.Uncompressed(q)));
        Assert.Equal(BigInteger.Parse("02c437c30493e971294496ff1a2a4d02733689fea6d5717ff2f781245e832b32b", NumberStyles.HexNumber, CultureInfo.InvariantCulture), d);
    }

    [Fact]
    public void ReferenceCurve_IsSane()
    {
        Assert.True(P256ReferenceCurve.IsOnCurve(P256ReferenceCurve.G));
        Assert.Null(P256ReferenceCurve.Multiply(P256ReferenceCurve.N, P256ReferenceCurve.G));
        Assert.Equal(P256ReferenceCurve.G, P256ReferenceCurve.Multiply(P256ReferenceCurve.N + 1, P256ReferenceCurve.G));
    }

    [Fact]
    public void Derive_IsDeterministic()
    {
        using ServerAuthenticationKey first = DeriveFor(TestValues.AccountKeyText, TestValues.AccountId);
        using ServerAuthenticationKey second = DeriveFor(TestValues.AccountKeyText, TestValues.AccountId);

        Assert.Equal(first.ExportPublicKey(), second.ExportPublicKey());
    }

    [Fact]
    public void Derive_DiffersForAnotherAccountKeyOrAccount()
    {
        using ServerAuthenticationKey key = DeriveFor(TestValues.AccountKeyText, TestValues.AccountId);
        using ServerAuthenticationKey otherKey = DeriveFor(TestValues.OtherAccountKeyText, TestValues.AccountId);
        using ServerAuthenticationKey otherAccount = DeriveFor(TestValues.AccountKeyText, TestValues.OtherAccountId);

        Assert.NotEqual(key.ExportPublicKey(), otherKey.ExportPublicKey());
        Assert.NotEqual(key.ExportPublicKey(), otherAccount.ExportPublicKey());
    }

    [Fact]
    public void SubjectPublicKeyInfo_HoldsTheSamePoint()
    {
        using ServerAuthenticationKey key = DeriveFor(TestValues.AccountKeyText, TestValues.AccountId);

        using var imported = ECDsa.Create();
        imported.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
        ECParameters parameters = imported.ExportParameters(false);

        Assert.Equal("1.2.840.10045.3.1.7", parameters.Curve.Oid.Value); // nistP256 / prime256v1
        Assert.Equal(key.ExportPublicKey(), [0x04, .. parameters.Q.X!, .. parameters.Q.Y!]);
    }

    [Fact]
    public void SignThenVerify_RoundTrips()
    {
        using ServerAuthenticationKey key = DeriveFor(TestValues.AccountKeyText, TestValues.AccountId);

        byte[] signature = key.Sign(Challenge);

        Assert.Equal(64, signature.Length);
        Assert.True(ServerAuthenticationSignature.Verify(key.ExportPublicKey(), Challenge, signature));
    }

    [Fact]
    public void Verify_FailsWithAnotherKey_OtherData_OrATamperedSignature()
    {
        using ServerAuthenticationKey key = DeriveFor(TestValues.AccountKeyText, TestValues.AccountId);
        using ServerAuthenticationKey other = DeriveFor(TestValues.OtherAccountKeyText, TestValues.AccountId);
        byte[] signature = key.Sign(Challenge);
        byte[] tampered = (byte[])signature.Clone();
        tampered[10] ^= 1;
        byte[] otherChallenge = (byte[])Challenge.Clone();
        otherChallenge[0] ^= 1;

        Assert.False(ServerAuthenticationSignature.Verify(other.ExportPublicKey(), Challenge, signature));
        Assert.False(ServerAuthenticationSignature.Verify(key.ExportPublicKey(), otherChallenge, signature));
        Assert.False(ServerAuthenticationSignature.Verify(key.ExportPublicKey(), Challenge, tampered));
        Assert.False(ServerAuthenticationSignature.Verify(key.ExportPublicKey(), Challenge, signature.AsSpan(..63)));
    }

    [Fact]
    public void Verify_RejectsAPublicKeyThatIsNotAPoint()
    {
        using ServerAuthenticationKey key = DeriveFor(TestValues.AccountKeyText, TestValues.AccountId);
        byte[] notOnCurve = key.ExportPublicKey();
        notOnCurve[64] ^= 1;
        byte[] compressed = key.ExportPublicKey()[..33];

        TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => ServerAuthenticationSignature.Verify(notOnCurve, Challenge, new byte[64]));
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => ServerAuthenticationSignature.Verify(compressed, Challenge, new byte[64]));
    }

    [Fact]
    public void ToString_NamesTheAlgorithmOnly()
    {
        using ServerAuthenticationKey key = DeriveFor(TestValues.AccountKeyText, TestValues.AccountId);

        Assert.Equal("ServerAuthenticationKey (ECDSA P-256)", key.ToString());
    }

    private static ServerAuthenticationKey DeriveFor(string accountKeyText, Guid accountId)
    {
        using AccountKey accountKey = AccountKey.Parse(accountKeyText);
        using var keys = AccountKeys.Derive(accountKey, accountId);
        return ServerAuthenticationKey.Derive(keys);
    }
}
