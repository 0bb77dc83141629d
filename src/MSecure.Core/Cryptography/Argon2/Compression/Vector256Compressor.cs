using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MSecure.Core.Cryptography.BlockCompression;

/// <summary>
/// G on AVX2: the block is 32 vectors of four words. The row pass runs two rows of the 8×8
/// matrix of 16-byte registers at once, the column pass two columns at once, following the
/// layout of the optimized C implementation (blamka-round-opt.h). Rotations come from
/// <typeparamref name="TRotations"/>, so AVX-512VL's single-instruction rotates are used where present.
/// </summary>
internal readonly unsafe struct Vector256Compressor<TRotations> : IBlockCompressor
    where TRotations : struct, IVector256Rotations
{
    private const int Vectors = Argon2Block.Words / 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compress(ulong* prev, ulong* reference, ulong* next, bool xorIntoNext, ulong* scratch)
    {
        unchecked
        {
            Vector256<ulong>* r = (Vector256<ulong>*)scratch;
            Vector256<ulong>* keep = r + Vectors;
            for (int i = 0; i < Vectors; i++)
            {
                Vector256<ulong> x = Vector256.Load(prev + (4 * i)) ^ Vector256.Load(reference + (4 * i));
                r[i] = x;
                keep[i] = xorIntoNext ? x ^ Vector256.Load(next + (4 * i)) : x;
            }

            for (int i = 0; i < 4; i++)
            {
                Vector256<ulong>* q = r + (8 * i);
                RoundOverRows(ref q[0], ref q[4], ref q[1], ref q[5], ref q[2], ref q[6], ref q[3], ref q[7]);
            }

            for (int i = 0; i < 4; i++)
            {
                RoundOverColumns(ref r[i], ref r[4 + i], ref r[8 + i], ref r[12 + i], ref r[16 + i], ref r[20 + i], ref r[24 + i], ref r[28 + i]);
            }

            for (int i = 0; i < Vectors; i++)
            {
                (keep[i] ^ r[i]).Store(next + (4 * i));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RoundOverRows(
        ref Vector256<ulong> a0Ref, ref Vector256<ulong> a1Ref, ref Vector256<ulong> b0Ref, ref Vector256<ulong> b1Ref,
        ref Vector256<ulong> c0Ref, ref Vector256<ulong> c1Ref, ref Vector256<ulong> d0Ref, ref Vector256<ulong> d1Ref)
    {
        Vector256<ulong> a0 = a0Ref, a1 = a1Ref, b0 = b0Ref, b1 = b1Ref, c0 = c0Ref, c1 = c1Ref, d0 = d0Ref, d1 = d1Ref;

        MixBoth(ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);

        // Diagonalise: rotate b, c, d of each row left by one, two and three words.
        b0 = Avx2.Permute4x64(b0, 0x39); c0 = Avx2.Permute4x64(c0, 0x4E); d0 = Avx2.Permute4x64(d0, 0x93);
        b1 = Avx2.Permute4x64(b1, 0x39); c1 = Avx2.Permute4x64(c1, 0x4E); d1 = Avx2.Permute4x64(d1, 0x93);

        MixBoth(ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);

        b0 = Avx2.Permute4x64(b0, 0x93); c0 = Avx2.Permute4x64(c0, 0x4E); d0 = Avx2.Permute4x64(d0, 0x39);
        b1 = Avx2.Permute4x64(b1, 0x93); c1 = Avx2.Permute4x64(c1, 0x4E); d1 = Avx2.Permute4x64(d1, 0x39);

        a0Ref = a0; a1Ref = a1; b0Ref = b0; b1Ref = b1; c0Ref = c0; c1Ref = c1; d0Ref = d0; d1Ref = d1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RoundOverColumns(
        ref Vector256<ulong> a0Ref, ref Vector256<ulong> a1Ref, ref Vector256<ulong> b0Ref, ref Vector256<ulong> b1Ref,
        ref Vector256<ulong> c0Ref, ref Vector256<ulong> c1Ref, ref Vector256<ulong> d0Ref, ref Vector256<ulong> d1Ref)
    {
        Vector256<ulong> a0 = a0Ref, a1 = a1Ref, b0 = b0Ref, b1 = b1Ref, c0 = c0Ref, c1 = c1Ref, d0 = d0Ref, d1 = d1Ref;

        MixBoth(ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);

        // Each register holds two words of two columns; diagonalising crosses register pairs.
        Vector256<ulong> t0 = Blend(b0, b1, 0xCC), t1 = Blend(b0, b1, 0x33);
        b1 = Avx2.Permute4x64(t0, 0xB1); b0 = Avx2.Permute4x64(t1, 0xB1);
        (c0, c1) = (c1, c0);
        t0 = Blend(d0, d1, 0xCC); t1 = Blend(d0, d1, 0x33);
        d0 = Avx2.Permute4x64(t0, 0xB1); d1 = Avx2.Permute4x64(t1, 0xB1);

        MixBoth(ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);

        t0 = Blend(b0, b1, 0xCC); t1 = Blend(b0, b1, 0x33);
        b0 = Avx2.Permute4x64(t0, 0xB1); b1 = Avx2.Permute4x64(t1, 0xB1);
        (c0, c1) = (c1, c0);
        t0 = Blend(d0, d1, 0xCC); t1 = Blend(d0, d1, 0x33);
        d1 = Avx2.Permute4x64(t0, 0xB1); d0 = Avx2.Permute4x64(t1, 0xB1);

        a0Ref = a0; a1Ref = a1; b0Ref = b0; b1Ref = b1; c0Ref = c0; c1Ref = c1; d0Ref = d0; d1Ref = d1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Blend(Vector256<ulong> x, Vector256<ulong> y, [ConstantExpected] byte mask) =>
        Avx2.Blend(x.AsUInt32(), y.AsUInt32(), mask).AsUInt64();

    /// <summary>Both halves of GB (RFC 9106 section 3.6) on two independent register sets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MixBoth(
        ref Vector256<ulong> a0, ref Vector256<ulong> a1, ref Vector256<ulong> b0, ref Vector256<ulong> b1,
        ref Vector256<ulong> c0, ref Vector256<ulong> c1, ref Vector256<ulong> d0, ref Vector256<ulong> d1)
    {
        a0 = BlaMka(a0, b0); a1 = BlaMka(a1, b1);
        d0 = TRotations.RotateRight32(d0 ^ a0); d1 = TRotations.RotateRight32(d1 ^ a1);
        c0 = BlaMka(c0, d0); c1 = BlaMka(c1, d1);
        b0 = TRotations.RotateRight24(b0 ^ c0); b1 = TRotations.RotateRight24(b1 ^ c1);

        a0 = BlaMka(a0, b0); a1 = BlaMka(a1, b1);
        d0 = TRotations.RotateRight16(d0 ^ a0); d1 = TRotations.RotateRight16(d1 ^ a1);
        c0 = BlaMka(c0, d0); c1 = BlaMka(c1, d1);
        b0 = TRotations.RotateRight63(b0 ^ c0); b1 = TRotations.RotateRight63(b1 ^ c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> BlaMka(Vector256<ulong> x, Vector256<ulong> y)
    {
        Vector256<ulong> product = Avx2.Multiply(x.AsUInt32(), y.AsUInt32());
        return x + y + product + product;
    }
}
