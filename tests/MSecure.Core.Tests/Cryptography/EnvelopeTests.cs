using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public sealed class EnvelopeTests : IDisposable
{
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("{\"name\":\"bank\",\"password\":\"hunter2\"}");
    private static readonly byte[] Context = AssociatedData.ForRecord(TestValues.AccountId, TestValues.OtherAccountId, 3);

    private readonly SecretKey _key = SecretKey.CopyFrom(RandomNumberGenerator.GetBytes(32));

    public void Dispose() => _key.Dispose();

    [Fact]
    public void SealThenOpen_RoundTrips_WithTheDocumentedLayout()
    {
        byte[] envelope = Envelope.Seal(_key, Context, Plaintext);

        Assert.Equal(1 + 12 + Plaintext.Length + 16, envelope.Length);
        Assert.Equal(0x01, envelope[0]);
        Assert.Equal(Plaintext, Envelope.Open(_key, Context, envelope));
    }

    [Fact]
    public void Layout_IsAesGcmWithVersionPrefixedAssociatedData()
    {
        byte[] envelope = Envelope.Seal(_key, Context, Plaintext);

        // Decrypt with the BCL directly: nonce = bytes 1..12, tag = last 16, AD = 0x01 ‖ context.
        byte[] decrypted = new byte[Plaintext.Length];
        using var aes = new AesGcm(_key.Bytes, 16);
        aes.Decrypt(envelope.AsSpan(1, 12), envelope.AsSpan(13, Plaintext.Length), envelope.AsSpan(^16), decrypted, [0x01, .. Context]);
        Assert.Equal(Plaintext, decrypted);
    }

    [Fact]
    public void Seal_UsesAFreshNonceEveryTime()
    {
        byte[] first = Envelope.Seal(_key, Context, Plaintext);
        byte[] second = Envelope.Seal(_key, Context, Plaintext);

        Assert.NotEqual(first, second);
        Assert.NotEqual(first.AsSpan(1, 12).ToArray(), second.AsSpan(1, 12).ToArray());
    }

    [Fact]
    public void SpanOverloads_RoundTrip_AndReportLengths()
    {
        byte[] destination = new byte[Envelope.GetSealedLength(Plaintext.Length) + 10];
        int sealedLength = Envelope.Seal(_key, Context, Plaintext, destination);
        byte[] plaintext = new byte[Plaintext.Length + 5];

        int openedLength = Envelope.Open(_key, Context, destination.AsSpan(0, sealedLength), plaintext);

        Assert.Equal(Plaintext.Length + Envelope.Overhead, sealedLength);
        Assert.Equal(Plaintext.Length, openedLength);
        Assert.Equal(Plaintext, plaintext[..openedLength]);
    }

    [Fact]
    public void EmptyPlaintext_AndLargeAssociatedData_RoundTrip()
    {
        byte[] largeContext = RandomNumberGenerator.GetBytes(5000);

        byte[] envelope = Envelope.Seal(_key, largeContext, ReadOnlySpan<byte>.Empty);

        Assert.Equal(Envelope.Overhead, envelope.Length);
        Assert.Empty(Envelope.Open(_key, largeContext, envelope));
        largeContext[4999] ^= 1;
        TestValues.AssertFails(MSecureErrorCode.EnvelopeAuthenticationFailed, () => Envelope.Open(_key, largeContext, envelope));
    }

    public static IEnumerable<object[]> EveryBytePosition() =>
        Enumerable.Range(0, Envelope.GetSealedLength(Plaintext.Length)).Select(position => new object[] { position });

    [Theory]
    [MemberData(nameof(EveryBytePosition))]
    public void FlippingAnyBitOfAnyByte_IsDetected_AndLeavesTheOutputZero(int position)
    {
        byte[] envelope = Envelope.Seal(_key, Context, Plaintext);
        MSecureErrorCode expected = position == 0
            ? MSecureErrorCode.EnvelopeUnsupportedVersion
            : MSecureErrorCode.EnvelopeAuthenticationFailed;

        for (int bit = 0; bit < 8; bit++)
        {
            byte[] tampered = (byte[])envelope.Clone();
            tampered[position] ^= (byte)(1 << bit);
            byte[] output = Enumerable.Repeat((byte)0xAA, Plaintext.Length).ToArray();

            TestValues.AssertFails(expected, () => Envelope.Open(_key, Context, tampered, output));
            Assert.All(output, b => Assert.Equal(0, b));
        }
    }

    [Fact]
    public void ChangedAssociatedData_IsDetected()
    {
        byte[] envelope = Envelope.Seal(_key, Context, Plaintext);
        byte[] output = new byte[Plaintext.Length];

        TestValues.AssertFails(MSecureErrorCode.EnvelopeAuthenticationFailed,
            () => Envelope.Open(_key, AssociatedData.ForRecord(TestValues.AccountId, TestValues.OtherAccountId, 4), envelope, output));
        TestValues.AssertFails(MSecureErrorCode.EnvelopeAuthenticationFailed,
            () => Envelope.Open(_key, ReadOnlySpan<byte>.Empty, envelope, output));
        Assert.All(output, b => Assert.Equal(0, b));
    }

    [Fact]
    public void WrongKey_IsDetected()
    {
        byte[] envelope = Envelope.Seal(_key, Context, Plaintext);
        using var otherKey = SecretKey.CopyFrom(RandomNumberGenerator.GetBytes(32));

        TestValues.AssertFails(MSecureErrorCode.EnvelopeAuthenticationFailed, () => Envelope.Open(otherKey, Context, envelope));
    }

    [Fact]
    public void ShorterThanHeaderPlusTag_IsTruncated()
    {
        byte[] envelope = Envelope.Seal(_key, Context, Plaintext);

        for (int length = 0; length < Envelope.Overhead; length++)
        {
            byte[] output = Enumerable.Repeat((byte)0xAA, 8).ToArray();
            byte[] truncated = envelope[..length];
            TestValues.AssertFails(MSecureErrorCode.EnvelopeTruncated, () => Envelope.Open(_key, Context, truncated, output));
            Assert.All(output, b => Assert.Equal(0, b));
        }

        // Long enough to parse but cut short: the tag no longer matches.
        TestValues.AssertFails(MSecureErrorCode.EnvelopeAuthenticationFailed, () => Envelope.Open(_key, Context, envelope.AsSpan(..^1)));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x02)]
    [InlineData(0xFF)]
    public void UnknownVersion_IsReportedAsSuch(byte version)
    {
        byte[] envelope = Envelope.Seal(_key, Context, Plaintext);
        envelope[0] = version;

        MSecureException exception = TestValues.AssertFails(MSecureErrorCode.EnvelopeUnsupportedVersion, () => Envelope.Open(_key, Context, envelope));
        Assert.Contains(version.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyOfTheWrongLength_IsRejected()
    {
        using var shortKey = SecretKey.CopyFrom(new byte[16]);

        Assert.Throws<ArgumentException>(() => Envelope.Seal(shortKey, Context, Plaintext));
    }

    [Fact]
    public void TooSmallBuffers_AreRejected()
    {
        byte[] envelope = Envelope.Seal(_key, Context, Plaintext);

        Assert.Throws<ArgumentException>(() => Envelope.Seal(_key, Context, Plaintext, new byte[envelope.Length - 1]));
        Assert.Throws<ArgumentException>(() => Envelope.Open(_key, Context, envelope, new byte[Plaintext.Length - 1]));
    }

    [Fact]
    public void DisposedKey_CannotBeUsed()
    {
        var key = SecretKey.CopyFrom(new byte[32]);
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => Envelope.Seal(key, Context, Plaintext));
    }
}
