using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using MSecure.Core.Cryptography;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public sealed class AccountKeysTests
{
    // Computed independently (Python "cryptography" HKDF) for TestValues.AccountKeyText and
    // account id 00112233-4455-6677-8899-aabbccddeeff.
    private const string ExpectedRecordEncryption = "84b131d2720c1912957fa3eef49dc9d98bfee349f1d870c1f7f40e0f0be8a8fd";
    private const string ExpectedNameIndex = "f489ee381f5e6743fdad566d6142eb006b68382dd1331da665fdd20e1d71ebbf";
    private const string ExpectedVerifier = "882caa34477b760baa4dfb925551f65491111ff074201fd6b73037eba9dd9a63";
    private const string ExpectedRecordSet = "c0b251a3cc8e73eac0c69eb3bd43517c51928f00f5bee3095a07a457e0a2c576";
    private const string ExpectedServerAuthentication = "c56e8abe173c564a79d71d345d03c33788221632b1cef3ac38551d299e18678d";

    [Fact]
    public void Derive_MatchesKnownAnswers()
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        using var keys = AccountKeys.Derive(accountKey, TestValues.AccountId);

        Assert.Equal(ExpectedRecordEncryption, Hex(keys.RecordEncryption));
        Assert.Equal(ExpectedNameIndex, Hex(keys.NameIndex));
        Assert.Equal(ExpectedVerifier, Hex(keys.Verifier));
        Assert.Equal(ExpectedServerAuthentication, Hex(keys.ServerAuthentication));
        Assert.Equal(ExpectedRecordSet, Hex(keys.RecordSet));
    }

    [Theory]
    [InlineData("msecure/v1/record-encryption", ExpectedRecordEncryption)]
    [InlineData("msecure/v1/name-index", ExpectedNameIndex)]
    [InlineData("msecure/v1/verifier", ExpectedVerifier)]
    [InlineData("msecure/v1/server-authentication", ExpectedServerAuthentication)]
    [InlineData("msecure/v1/record-set", ExpectedRecordSet)]
    public void KnownAnswers_AreHkdfSha256ByHand(string label, string expected)
    {
        // RFC 5869 section 2.2: PRK = HMAC-Hash(salt, IKM); section 2.3: T(1) = HMAC-Hash(PRK, info | 0x01).
        byte[] ikm = Encoding.ASCII.GetBytes(TestValues.AccountKeyText);
        byte[] salt = Convert.FromHexString("00112233445566778899AABBCCDDEEFF"); // the account id, big-endian
        byte[] prk = HMACSHA256.HashData(salt, ikm);
        byte[] okm = HMACSHA256.HashData(prk, (byte[])[.. Encoding.ASCII.GetBytes(label), 0x01]);

        Assert.Equal(expected, Convert.ToHexStringLower(okm));
    }

    [Fact]
    public void Derive_GivesFiveDifferentKeys()
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        using var keys = AccountKeys.Derive(accountKey, TestValues.AccountId);

        string[] all = [Hex(keys.RecordEncryption), Hex(keys.NameIndex), Hex(keys.Verifier), Hex(keys.ServerAuthentication), Hex(keys.RecordSet)];
        Assert.Equal(5, all.Distinct().Count());
        Assert.All(new[] { keys.RecordEncryption, keys.NameIndex, keys.Verifier, keys.ServerAuthentication, keys.RecordSet },
            key => Assert.Equal(32, key.Length));
    }

    [Fact]
    public void Derive_DependsOnTheAccountKeyAndTheAccountId()
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        using AccountKey otherAccountKey = AccountKey.Parse(TestValues.OtherAccountKeyText);
        using var keys = AccountKeys.Derive(accountKey, TestValues.AccountId);
        using var otherAccount = AccountKeys.Derive(accountKey, TestValues.OtherAccountId);
        using var otherKey = AccountKeys.Derive(otherAccountKey, TestValues.AccountId);

        Assert.NotEqual(Hex(keys.RecordEncryption), Hex(otherAccount.RecordEncryption));
        Assert.NotEqual(Hex(keys.RecordEncryption), Hex(otherKey.RecordEncryption));
        Assert.Equal(TestValues.AccountId, keys.AccountId);
    }

    [Fact]
    public void Dispose_WipesAllFourKeys()
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        var keys = AccountKeys.Derive(accountKey, TestValues.AccountId);

        keys.Dispose();

        Assert.True(keys.RecordEncryption.IsDisposed);
        Assert.True(keys.NameIndex.IsDisposed);
        Assert.True(keys.Verifier.IsDisposed);
        Assert.True(keys.ServerAuthentication.IsDisposed);
        Assert.True(keys.RecordSet.IsDisposed);
        Assert.DoesNotContain(ExpectedVerifier[..8], keys.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void IdEncoding_IsBigEndianRfc4122Order()
    {
        byte[] bytes = new byte[16];
        IdEncoding.Write(TestValues.AccountId, bytes);

        Assert.Equal("00112233445566778899AABBCCDDEEFF", Convert.ToHexString(bytes));
        Assert.Equal(TestValues.AccountId, IdEncoding.Read(bytes));
    }

    private static string Hex(SecretKey key) => Convert.ToHexStringLower(key.Bytes);
}
