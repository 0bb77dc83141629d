using System;
using MSecure.Core.Cryptography;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public sealed class SecretKeyTests
{
    [Fact]
    public void CopyFrom_HoldsACopyOfTheBytes()
    {
        byte[] source = [1, 2, 3, 4];
        using var key = SecretKey.CopyFrom(source);
        source[0] = 99;

        Assert.Equal(new byte[] { 1, 2, 3, 4 }, key.Bytes.ToArray());
        Assert.Equal(4, key.Length);
    }

    [Fact]
    public void Dispose_WipesTheBytesAndLaterUseThrows()
    {
        var key = SecretKey.CopyFrom([0xAA, 0xBB, 0xCC]);
        Span<byte> storage = key.WritableBytes;

        key.Dispose();

        Assert.True(key.IsDisposed);
        Assert.All(storage.ToArray(), b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => key.Bytes.ToArray());
        key.Dispose(); // a second dispose is harmless
    }

    [Fact]
    public void ToString_ShowsTheLengthNeverTheBytes()
    {
        using var key = SecretKey.CopyFrom([0x41, 0x42, 0x43, 0x44]);

        string text = key.ToString();

        Assert.Equal("SecretKey (4 bytes)", text);
        Assert.DoesNotContain("41", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AB", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateEmpty_RejectsANonPositiveLength()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SecretKey.CreateEmpty(0));
    }
}
