using System.Numerics;
using System.Runtime.CompilerServices;

namespace MSecure.Core.Cryptography.BlockCompression;

/// <summary>
/// Portable G: a direct port of the reference C fill_block, for processors without SIMD.
/// The permutation P runs on 16 locals so the JIT keeps them in registers.
/// </summary>
internal readonly unsafe struct ScalarCompressor : IBlockCompressor
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compress(ulong* prev, ulong* reference, ulong* next, bool xorIntoNext, ulong* scratch)
    {
        unchecked
        {
            ulong* r = scratch;
            ulong* keep = scratch + Argon2Block.Words;
            for (int i = 0; i < Argon2Block.Words; i++)
            {
                ulong x = prev[i] ^ reference[i];
                r[i] = x;
                keep[i] = xorIntoNext ? x ^ next[i] : x;
            }

            for (int row = 0; row < 8; row++)
            {
                ulong* v = r + (16 * row);
                Permute(ref v[0], ref v[1], ref v[2], ref v[3], ref v[4], ref v[5], ref v[6], ref v[7],
                    ref v[8], ref v[9], ref v[10], ref v[11], ref v[12], ref v[13], ref v[14], ref v[15]);
            }

            for (int column = 0; column < 8; column++)
            {
                ulong* v = r + (2 * column);
                Permute(ref v[0], ref v[1], ref v[16], ref v[17], ref v[32], ref v[33], ref v[48], ref v[49],
                    ref v[64], ref v[65], ref v[80], ref v[81], ref v[96], ref v[97], ref v[112], ref v[113]);
            }

            for (int i = 0; i < Argon2Block.Words; i++)
            {
                next[i] = keep[i] ^ r[i];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Permute(
        ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3, ref ulong s4, ref ulong s5, ref ulong s6, ref ulong s7,
        ref ulong s8, ref ulong s9, ref ulong s10, ref ulong s11, ref ulong s12, ref ulong s13, ref ulong s14, ref ulong s15)
    {
        ulong v0 = s0, v1 = s1, v2 = s2, v3 = s3, v4 = s4, v5 = s5, v6 = s6, v7 = s7;
        ulong v8 = s8, v9 = s9, v10 = s10, v11 = s11, v12 = s12, v13 = s13, v14 = s14, v15 = s15;

        Mix(ref v0, ref v4, ref v8, ref v12);
        Mix(ref v1, ref v5, ref v9, ref v13);
        Mix(ref v2, ref v6, ref v10, ref v14);
        Mix(ref v3, ref v7, ref v11, ref v15);
        Mix(ref v0, ref v5, ref v10, ref v15);
        Mix(ref v1, ref v6, ref v11, ref v12);
        Mix(ref v2, ref v7, ref v8, ref v13);
        Mix(ref v3, ref v4, ref v9, ref v14);

        s0 = v0; s1 = v1; s2 = v2; s3 = v3; s4 = v4; s5 = v5; s6 = v6; s7 = v7;
        s8 = v8; s9 = v9; s10 = v10; s11 = v11; s12 = v12; s13 = v13; s14 = v14; s15 = v15;
    }

    /// <summary>GB of RFC 9106 section 3.6: BLAKE2b's G with the multiplication-hardened add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mix(ref ulong a, ref ulong b, ref ulong c, ref ulong d)
    {
        a = BlaMka(a, b);
        d = BitOperations.RotateRight(d ^ a, 32);
        c = BlaMka(c, d);
        b = BitOperations.RotateRight(b ^ c, 24);
        a = BlaMka(a, b);
        d = BitOperations.RotateRight(d ^ a, 16);
        c = BlaMka(c, d);
        b = BitOperations.RotateRight(b ^ c, 63);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong BlaMka(ulong x, ulong y)
    {
        unchecked
        {
            ulong product = (ulong)(uint)x * (uint)y;
            return x + y + (2 * product);
        }
    }
}
