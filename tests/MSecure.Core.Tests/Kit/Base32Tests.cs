using System;
using System.Text;
using MSecure.Core.Kit;
using Xunit;

namespace MSecure.Core.Tests.Kit;

public sealed class Base32Tests
{
    // RFC 4648 section 10 test vectors, padding removed.
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void EncodeAndDecode_MatchRfc4648(string data, string encoded)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(data);

        Assert.Equal(encoded, Base32.Encode(bytes));
        Assert.Equal(encoded.Length, Base32.GetEncodedLength(bytes.Length));
        Assert.Equal(bytes, Base32.TryDecode(encoded));
    }

    [Fact]
    public void RoundTrips_EveryLengthAndByteValue()
    {
        var random = new Random(1234);
        for (int length = 0; length < 64; length++)
        {
            byte[] bytes = new byte[length];
            random.NextBytes(bytes);
            Assert.Equal(bytes, Base32.TryDecode(Base32.Encode(bytes)));
        }
    }

    [Theory]
    [InlineData("M")] // 1 character: 5 bits, not a byte
    [InlineData("MZX")] // 3 characters
    [InlineData("MZXW6Y")] // 6 characters
    public void TryDecode_RejectsImpossibleLengths(string text)
    {
        Assert.Null(Base32.TryDecode(text));
    }

    [Theory]
    [InlineData("MZ")] // "f" is MY: Z sets an unused trailing bit
    [InlineData("MZXR")] // "fo" is MZXQ
    public void TryDecode_RejectsNonZeroTrailingBits(string text)
    {
        Assert.Null(Base32.TryDecode(text));
    }

    [Theory]
    [InlineData("my")] // lower case is the caller's job to normalise
    [InlineData("M0")]
    [InlineData("M1")]
    [InlineData("M8")]
    [InlineData("M=")]
    public void TryDecode_RejectsCharactersOutsideTheAlphabet(string text)
    {
        Assert.Null(Base32.TryDecode(text));
        Assert.False(Base32.IsAlphabetCharacter(text[1]));
    }
}
