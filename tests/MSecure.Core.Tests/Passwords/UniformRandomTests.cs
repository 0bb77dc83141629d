using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Security.Cryptography;
using MSecure.Core.Passwords;
using Xunit;

namespace MSecure.Core.Tests.Passwords;

public sealed class UniformRandomTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(89)]
    [InlineData(7772)]
    public void Next_IsUniform_ChiSquare(int n)
    {
        long[] counts = new long[n];
        using var random = new UniformRandom(RandomNumberGenerator.Fill);
        int draws = Math.Max(200 * n, 20_000);
        for (int i = 0; i < draws; i++)
        {
            counts[random.Next(n)]++;
        }

        ChiSquare.AssertUniform(counts);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(89)]
    [InlineData(100)]
    public void Next_OverEveryMaskedValueOnce_GivesEachResultExactlyOnce(int n)
    {
        // Feed every value 0..mask exactly once (the low bits are all that survive the mask):
        // an unbiased sampler maps them to each of 0..n-1 exactly once and rejects the rest.
        int mask = (int)(uint.MaxValue >> System.Numerics.BitOperations.LeadingZeroCount((uint)n - 1));
        var values = new Queue<uint>();
        for (uint v = 0; v <= (uint)mask; v++)
        {
            values.Enqueue(v | 0xA5A5_0000u & ~(uint)mask);
        }

        int draws = 0;
        using var random = new UniformRandom(buffer =>
        {
            for (int offset = 0; offset + 4 <= buffer.Length; offset += 4)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(buffer[offset..], values.Count > 0 ? values.Dequeue() : 0u);
            }
        });

        long[] counts = new long[n];
        for (; draws < n; draws++)
        {
            counts[random.Next(n)]++;
        }

        Assert.All(counts, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Next_RejectsValuesAtOrAboveTheLimit()
    {
        // n = 89: mask 127. 100 and 89 are rejected, 5 is accepted.
        uint[] values = [100, 89, 5];
        int index = 0;
        using var random = new UniformRandom(buffer =>
        {
            for (int offset = 0; offset + 4 <= buffer.Length; offset += 4)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(buffer[offset..], index < values.Length ? values[index++] : 0u);
            }
        });

        Assert.Equal(5, random.Next(89));
    }

    [Fact]
    public void ModuloReduction_WouldBeBiased_AndTheTestNoticesIt()
    {
        // The naive byte % 89 maps 0..255 onto 0..88 with 0..77 three times and 78..88 twice.
        // The chi-square test must reject that, or it proves nothing above.
        long[] counts = new long[89];
        Span<byte> bytes = stackalloc byte[4096];
        for (int round = 0; round < 100; round++)
        {
            RandomNumberGenerator.Fill(bytes);
            foreach (byte b in bytes)
            {
                counts[b % 89]++;
            }
        }

        Assert.True(ChiSquare.Statistic(counts) > ChiSquare.CriticalValue(88));
    }
}
