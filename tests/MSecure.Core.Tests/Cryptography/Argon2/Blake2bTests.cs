using System;
using System.Text;
using MSecure.Core.Cryptography;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public class Blake2bTests
{
    [Fact]
    public void Rfc7693_appendix_a_abc()
    {
        byte[] digest = new byte[64];

        Blake2b.Hash("abc"u8, digest);

        Assert.Equal(
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1" +
            "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
            Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Empty_input_512()
    {
        byte[] digest = new byte[64];

        Blake2b.Hash([], digest);

        Assert.Equal(
            "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419" +
            "d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce",
            Convert.ToHexStringLower(digest));
    }

    // Digests of bytes 0, 1, 2, ... (mod 256) from CPython's hashlib.blake2b, an independent
    // implementation; the lengths cross one, two and three 128-byte blocks.
    [Theory]
    [InlineData(64, "2fc6e69fa26a89a5ed269092cb9b2a449a4409a7a44011eecad13d7c4b0456602d402fa5844f1a7a758136ce3d5d8d0e8b86921ffff4f692dd95bdc8e5ff0052")]
    [InlineData(108, "9cec6bbf62c4bce4138abae1cbec8dad31950444e90321b1347196834c114b864af3f3cc3508f83751ffb4eda7c84d140734bb4263c3625c00f04f4c8068981b")]
    [InlineData(128, "2319e3789c47e2daa5fe807f61bec2a1a6537fa03f19ff32e87eecbfd64b7e0e8ccff439ac333b040f19b0c4ddd11a61e24ac1fe0f10a039806c5dcc0da3d115")]
    [InlineData(129, "f59711d44a031d5f97a9413c065d1e614c417ede998590325f49bad2fd444d3e4418be19aec4e11449ac1a57207898bc57d76a1bcf3566292c20c683a5c4648f")]
    [InlineData(200, "fb3c1f0f56a56f8e316fdf5d853c8c872c39635d083634c3904fc3ac07d1b578e85ff0e480e92d44ade33b62e893ee32343e79ddf6ef292e89b582d312502314")]
    [InlineData(256, "1ecc896f34d3f9cac484c73f75f6a5fb58ee6784be41b35f46067b9c65c63a6794d3d744112c653f73dd7deb6666204c5a9bfa5b46081fc10fdbe7884fa5cbf8")]
    public void Multi_block_known_answers(int length, string expected)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)i;
        }

        byte[] digest = new byte[64];
        Blake2b.Hash(data, digest);

        Assert.Equal(expected, Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Short_digest_known_answer()
    {
        byte[] data = new byte[200];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)i;
        }

        byte[] digest = new byte[20];
        Blake2b.Hash(data, digest);

        Assert.Equal("b83a5733ce63f2dd8266ea8ec93333d7935142cf", Convert.ToHexStringLower(digest));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(256)]
    [InlineData(1000)]
    public void Streaming_in_pieces_equals_one_shot(int length)
    {
        byte[] data = new byte[length];
        new Random(length).NextBytes(data);
        byte[] oneShot = new byte[48], streamed = new byte[48];

        Blake2b.Hash(data, oneShot);
        var hasher = new Blake2b(48);
        for (int i = 0; i < length; i += 7)
        {
            hasher.Update(data.AsSpan(i, Math.Min(7, length - i)));
        }

        hasher.Finish(streamed);

        Assert.Equal(oneShot, streamed);
    }

    [Fact]
    public void Digest_length_is_part_of_the_parameter_block()
    {
        byte[] short32 = new byte[32], long64 = new byte[64];

        Blake2b.Hash(Encoding.ASCII.GetBytes("abc"), short32);
        Blake2b.Hash(Encoding.ASCII.GetBytes("abc"), long64);

        Assert.NotEqual(long64.AsSpan(0, 32).ToArray(), short32);
    }
}
