using System;
using System.Security.Cryptography;

namespace MSecure.Core.Cryptography;

/// <summary>The variable-length hash H' of RFC 9106 section 3.3, built on BLAKE2b.</summary>
internal static class Argon2HPrime
{
    private const int HalfDigest = Blake2b.MaxDigestLength / 2;

    /// <summary>Writes H'^T(input) with T = <paramref name="output"/>.Length.</summary>
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output)
    {
        uint length = (uint)output.Length;
        if (output.Length <= Blake2b.MaxDigestLength)
        {
            var hasher = new Blake2b(output.Length);
            hasher.UpdateLittleEndian(length);
            hasher.Update(input);
            hasher.Finish(output);
            return;
        }

        Span<byte> v = stackalloc byte[Blake2b.MaxDigestLength];
        try
        {
            var first = new Blake2b(Blake2b.MaxDigestLength);
            first.UpdateLittleEndian(length);
            first.Update(input);
            first.Finish(v);

            // r = ceil(T/32) - 2 full 64-byte digests contribute their first half each;
            // the last digest, of the remaining length, is taken whole.
            int fullDigests = ((output.Length + HalfDigest - 1) / HalfDigest) - 2;
            v[..HalfDigest].CopyTo(output);
            int written = HalfDigest;
            for (int i = 2; i <= fullDigests; i++)
            {
                Blake2b.Hash(v, v);
                v[..HalfDigest].CopyTo(output[written..]);
                written += HalfDigest;
            }

            Blake2b.Hash(v, output[written..]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(v);
        }
    }
}
