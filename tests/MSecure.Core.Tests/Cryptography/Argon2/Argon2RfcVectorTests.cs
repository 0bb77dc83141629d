using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public class Argon2RfcVectorTests
{
    // RFC 9106 section 5: m = 32 KiB, t = 3, p = 4, T = 32, P = 32 × 0x01, S = 16 × 0x02,
    // K = 8 × 0x03, X = 12 × 0x04, version 0x13.
    private static readonly Argon2Parameters RfcParameters = new(32, 3, 4);

    public static TheoryData<Argon2Type, string, string> Vectors()
    {
        var data = new TheoryData<Argon2Type, string, string>();
        var tags = new Dictionary<Argon2Type, string>
        {
            // Section 5.1
            [Argon2Type.Argon2d] = "512b391b6f1162975371d30919734294f868e3be3984f3c1a13a4db9fabe4acb",
            // Section 5.2
            [Argon2Type.Argon2i] = "c814d9d1dc7f37aa13f0d77f2494bda1c8de6b016dd388d29952a4c4672b6ce8",
            // Section 5.3
            [Argon2Type.Argon2id] = "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659",
        };
        foreach (Argon2Implementation implementation in SupportedImplementations())
        {
            foreach ((Argon2Type type, string tag) in tags)
            {
                data.Add(type, tag, implementation.ToString());
            }
        }

        return data;
    }

    internal static IEnumerable<Argon2Implementation> SupportedImplementations() =>
        Enum.GetValues<Argon2Implementation>().Where(Argon2Implementations.IsSupported);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Rfc9106_test_vector(Argon2Type type, string expectedTag, string implementationName)
    {
        var implementation = Enum.Parse<Argon2Implementation>(implementationName);
        byte[] tag = new byte[32];

        Argon2.Hash(
            type, RfcParameters, Fill(32, 0x01), Fill(16, 0x02), Fill(8, 0x03), Fill(12, 0x04), tag, implementation);

        Assert.Equal(expectedTag, Convert.ToHexStringLower(tag));
    }

    [Fact]
    public void Public_entry_point_uses_a_correct_implementation()
    {
        byte[] tag = new byte[32];

        Argon2.Hash(
            Argon2Type.Argon2id, RfcParameters, Fill(32, 0x01), Fill(16, 0x02), Fill(8, 0x03), Fill(12, 0x04), tag);

        Assert.Equal("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", Convert.ToHexStringLower(tag));
    }

    [Fact]
    public void Best_implementation_is_vectorised_on_x64_with_avx2()
    {
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            Assert.NotEqual(Argon2Implementation.Scalar, Argon2Implementations.Best);
        }
        else
        {
            Assert.True(Argon2Implementations.IsSupported(Argon2Implementations.Best));
        }
    }

    [Theory]
    [InlineData(0u, 1u, 1u, 16, 32, "parallelism")]
    [InlineData(1u << 24, 1u, 4096u, 16, 32, "parallelism")]
    [InlineData(2u, 1u, 15u, 16, 32, "memory")]
    [InlineData(1u, 0u, 8u, 16, 32, "passes")]
    [InlineData(1u, 1u, 8u, 7, 32, "salt")]
    [InlineData(1u, 1u, 8u, 16, 3, "tag length")]
    public void Parameters_outside_rfc_limits_are_rejected(uint lanes, uint passes, uint memory, int saltLength, int tagLength, string parameter)
    {
        byte[] tag = new byte[tagLength];

        var error = Assert.Throws<MSecureException>(() => Argon2.Hash(
            Argon2Type.Argon2id, new Argon2Parameters(memory, passes, lanes), [], new byte[saltLength], [], [], tag));

        Assert.Equal(MSecureErrorCode.Argon2ParameterOutOfRange, error.Code);
        Assert.Contains($"'{parameter}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_type_is_rejected()
    {
        var error = Assert.Throws<MSecureException>(() => Argon2.Hash(
            (Argon2Type)3, new Argon2Parameters(8, 1, 1), [], new byte[8], [], [], new byte[32]));

        Assert.Equal(MSecureErrorCode.Argon2ParameterOutOfRange, error.Code);
    }

    [Fact]
    public void Memory_is_rounded_down_to_whole_segments_like_the_reference()
    {
        // m = 37 with p = 2 uses 32 blocks, but m itself enters H0, so the tags differ.
        byte[] a = new byte[16], b = new byte[16];
        Argon2.Hash(Argon2Type.Argon2id, new(37, 1, 2), [1], new byte[8], [], [], a);
        Argon2.Hash(Argon2Type.Argon2id, new(32, 1, 2), [1], new byte[8], [], [], b);

        Assert.NotEqual(a, b);
    }

    internal static byte[] Fill(int length, byte value) => Enumerable.Repeat(value, length).ToArray();
}
