using System;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public sealed class UnlockKeyDerivationTests
{
    private static readonly byte[] Salt = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");

    [Fact]
    public void Derive_IsArgon2idOfTheUtf8Password_32Bytes_NoSecretNoAssociatedData()
    {
        using SecretKey unlockKey = UnlockKeyDerivation.Derive(TestValues.Password, Salt, TestValues.FastKdf);

        byte[] expected = new byte[32];
        Argon2.Hash(Argon2Type.Argon2id, new Argon2Parameters(19_456, 1, 1), Encoding.UTF8.GetBytes(TestValues.Password), Salt,
            secret: default, associatedData: default, expected);
        Assert.Equal(expected, unlockKey.Bytes.ToArray());
    }

    [Theory]
    [InlineData("\uFB01sh", "fish")] // ligature ﬁ vs "fi"
    [InlineData("caf\u00E9", "cafe\u0301")] // composed vs decomposed é
    public void Derive_GivesTheSameKeyForNfkcEquivalentPasswords(string first, string second)
    {
        using SecretKey firstKey = UnlockKeyDerivation.Derive(first, Salt, TestValues.FastKdf);
        using SecretKey secondKey = UnlockKeyDerivation.Derive(second, Salt, TestValues.FastKdf);

        Assert.Equal(firstKey.Bytes.ToArray(), secondKey.Bytes.ToArray());
    }

    [Fact]
    public void Derive_LeadingAndTrailingSpacesMatter()
    {
        using SecretKey plain = UnlockKeyDerivation.Derive("password", Salt, TestValues.FastKdf);
        using SecretKey leading = UnlockKeyDerivation.Derive(" password", Salt, TestValues.FastKdf);
        using SecretKey trailing = UnlockKeyDerivation.Derive("password ", Salt, TestValues.FastKdf);

        Assert.NotEqual(plain.Bytes.ToArray(), leading.Bytes.ToArray());
        Assert.NotEqual(plain.Bytes.ToArray(), trailing.Bytes.ToArray());
        Assert.NotEqual(leading.Bytes.ToArray(), trailing.Bytes.ToArray());
    }

    [Fact]
    public void Derive_DependsOnTheSalt()
    {
        byte[] otherSalt = (byte[])Salt.Clone();
        otherSalt[15] ^= 1;

        using SecretKey first = UnlockKeyDerivation.Derive(TestValues.Password, Salt, TestValues.FastKdf);
        using SecretKey second = UnlockKeyDerivation.Derive(TestValues.Password, otherSalt, TestValues.FastKdf);

        Assert.NotEqual(first.Bytes.ToArray(), second.Bytes.ToArray());
    }

    [Fact]
    public void Derive_RefusesHostileParametersBeforeAllocating()
    {
        var hostile = new KdfParameters(KdfAlgorithm.Argon2idVersion13, 4_194_304, 1, 1); // 4 GiB

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        TestValues.AssertFails(MSecureErrorCode.KdfParametersOutOfRange, () => UnlockKeyDerivation.Derive(TestValues.Password, Salt, hostile));

        // The bounds check comes first: not Argon2's own error and no large allocation.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, 0, 64 * 1024);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(15)]
    [InlineData(17)]
    public void Derive_RequiresA16ByteSalt(int saltLength)
    {
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument,
            () => UnlockKeyDerivation.Derive(TestValues.Password, new byte[saltLength], TestValues.FastKdf));
    }

    [Fact]
    public void CreateSalt_Gives16FreshBytes()
    {
        byte[] first = UnlockKeyDerivation.CreateSalt();
        byte[] second = UnlockKeyDerivation.CreateSalt();

        Assert.Equal(16, first.Length);
        Assert.NotEqual(first, second);
    }
}
