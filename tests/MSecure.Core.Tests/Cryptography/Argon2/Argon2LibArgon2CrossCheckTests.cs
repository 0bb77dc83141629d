using System;
using System.Collections.Generic;
using MSecure.Core.Cryptography;
using MSecure.Interop;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

/// <summary>
/// Our Argon2 against the reference C library over random parameter sets: odd memory sizes,
/// 1 to 8 lanes, tags of 4 to 128 bytes, with secret and associated data, for every type and
/// every code path this processor runs.
/// </summary>
public class Argon2LibArgon2CrossCheckTests
{
    private const int ParameterSets = 60;
    private const int Seed = 9106;

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < ParameterSets; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [LibArgon2Theory]
    [MemberData(nameof(Cases))]
    public void Matches_reference_library(int caseNumber)
    {
        RandomCase c = RandomCase.Create(caseNumber);
        byte[] expected = new byte[c.TagLength];
        LibArgon2.Hash((int)c.Type, c.MemoryKiB, c.Passes, c.Lanes, c.Lanes, c.Password, c.Salt, c.Secret, c.AssociatedData, expected);

        foreach (Argon2Implementation implementation in Argon2RfcVectorTests.SupportedImplementations())
        {
            byte[] actual = new byte[c.TagLength];
            Argon2.Hash(
                c.Type, new Argon2Parameters(c.MemoryKiB, c.Passes, c.Lanes), c.Password, c.Salt, c.Secret, c.AssociatedData, actual, implementation);

            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{implementation} differs from libargon2 for {c}");
        }
    }

    [LibArgon2Theory]
    [InlineData(65536u, 3u, 4u)]
    [InlineData(19456u, 2u, 1u)]
    public void Matches_reference_library_at_production_sizes(uint memoryKiB, uint passes, uint lanes)
    {
        byte[] password = "correct horse battery staple"u8.ToArray();
        byte[] salt = new byte[16];
        new Random(7).NextBytes(salt);
        byte[] expected = new byte[32], actual = new byte[32];

        LibArgon2.Hash((int)Argon2Type.Argon2id, memoryKiB, passes, lanes, lanes, password, salt, [], [], expected);
        Argon2.Hash(Argon2Type.Argon2id, new(memoryKiB, passes, lanes), password, salt, [], [], actual);

        Assert.Equal(expected, actual);
    }

    private sealed record RandomCase(
        Argon2Type Type, uint MemoryKiB, uint Passes, uint Lanes, int TagLength,
        byte[] Password, byte[] Salt, byte[] Secret, byte[] AssociatedData)
    {
        public static RandomCase Create(int caseNumber)
        {
            var random = new Random(Seed + caseNumber);
            uint lanes = (uint)random.Next(1, 9);
            // Odd sizes on purpose: m is rounded down to whole segments, but enters H0 as given.
            uint memory = (uint)random.Next((int)(8 * lanes), 2048) | 1u;
            memory = Math.Max(memory, 8 * lanes);
            return new RandomCase(
                (Argon2Type)(caseNumber % 3),
                memory,
                (uint)random.Next(1, 5),
                lanes,
                random.Next(4, 129),
                Bytes(random, random.Next(0, 64)),
                Bytes(random, random.Next(8, 33)),
                Bytes(random, random.Next(0, 33)),
                Bytes(random, random.Next(0, 49)));
        }

        public override string ToString() =>
            $"{Type} m={MemoryKiB} t={Passes} p={Lanes} T={TagLength} |P|={Password.Length} |S|={Salt.Length} |K|={Secret.Length} |X|={AssociatedData.Length}";

        private static byte[] Bytes(Random random, int length)
        {
            byte[] bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }
    }
}
