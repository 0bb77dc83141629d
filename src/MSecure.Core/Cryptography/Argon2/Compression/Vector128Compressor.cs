using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace MSecure.Core.Cryptography.BlockCompression;

/// <summary>
/// G on 128-bit vectors (NEON on ARM64, SSSE3 on x64 without AVX2): the block is an 8×8
/// matrix of two-word registers, as in the SSE path of the optimized C implementation.
/// Each row and each column is one BLAKE2b round over eight registers.
/// </summary>
internal readonly unsafe struct Vector128Compressor : IBlockCompressor
{
    private const int Vectors = Argon2Block.Words / 2;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compress(ulong* prev, ulong* reference, ulong* next, bool xorIntoNext, ulong* scratch)
    {
        unchecked
        {
            Vector128<ulong>* r = (Vector128<ulong>*)scratch;
            Vector128<ulong>* keep = r + Vectors;
            for (int i = 0; i < Vectors; i++)
            {
                Vector128<ulong> x = Vector128.Load(prev + (2 * i)) ^ Vector128.Load(reference + (2 * i));
                r[i] = x;
                keep[i] = xorIntoNext ? x ^ Vector128.Load(next + (2 * i)) : x;
            }

            for (int row = 0; row < 8; row++)
            {
                Vector128<ulong>* q = r + (8 * row);
                Round(ref q[0], ref q[1], ref q[2], ref q[3], ref q[4], ref q[5], ref q[6], ref q[7]);
            }

            for (int column = 0; column < 8; column++)
            {
                Round(ref r[column], ref r[8 + column], ref r[16 + column], ref r[24 + column],
                    ref r[32 + column], ref r[40 + column], ref r[48 + column], ref r[56 + column]);
            }

            for (int i = 0; i < Vectors; i++)
            {
                (keep[i] ^ r[i]).Store(next + (2 * i));
            }
        }
    }

    /// <summary>One BLAKE2b round over v0..v15 held as (a0, a1) = v0..v3, (b0, b1) = v4..v7, and so on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(
        ref Vector128<ulong> a0Ref, ref Vector128<ulong> a1Ref, ref Vector128<ulong> b0Ref, ref Vector128<ulong> b1Ref,
        ref Vector128<ulong> c0Ref, ref Vector128<ulong> c1Ref, ref Vector128<ulong> d0Ref, ref Vector128<ulong> d1Ref)
    {
        Vector128<ulong> a0 = a0Ref, a1 = a1Ref, b0 = b0Ref, b1 = b1Ref, c0 = c0Ref, c1 = c1Ref, d0 = d0Ref, d1 = d1Ref;

        Mix(ref a0, ref b0, ref c0, ref d0);
        Mix(ref a1, ref b1, ref c1, ref d1);

        Vector128<ulong> t;
        t = HighThenLow(b0, b1); b1 = HighThenLow(b1, b0); b0 = t;
        (c0, c1) = (c1, c0);
        t = HighThenLow(d1, d0); d1 = HighThenLow(d0, d1); d0 = t;

        Mix(ref a0, ref b0, ref c0, ref d0);
        Mix(ref a1, ref b1, ref c1, ref d1);

        t = HighThenLow(b1, b0); b1 = HighThenLow(b0, b1); b0 = t;
        (c0, c1) = (c1, c0);
        t = HighThenLow(d0, d1); d1 = HighThenLow(d1, d0); d0 = t;

        a0Ref = a0; a1Ref = a1; b0Ref = b0; b1Ref = b1; c0Ref = c0; c1Ref = c1; d0Ref = d0; d1Ref = d1;
    }

    /// <summary>(x[1], y[0]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> HighThenLow(Vector128<ulong> x, Vector128<ulong> y)
    {
        if (Ssse3.IsSupported)
        {
            return Ssse3.AlignRight(y.AsByte(), x.AsByte(), 8).AsUInt64();
        }

        if (AdvSimd.IsSupported)
        {
            return AdvSimd.ExtractVector128(x, y, 1);
        }

        return Vector128.Create(x.GetElement(1), y.GetElement(0));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mix(ref Vector128<ulong> a, ref Vector128<ulong> b, ref Vector128<ulong> c, ref Vector128<ulong> d)
    {
        a = BlaMka(a, b);
        d = RotateRight(d ^ a, 32);
        c = BlaMka(c, d);
        b = RotateRight(b ^ c, 24);
        a = BlaMka(a, b);
        d = RotateRight(d ^ a, 16);
        c = BlaMka(c, d);
        b = RotateRight(b ^ c, 63);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> RotateRight(Vector128<ulong> x, [ConstantExpected] byte count)
    {
        if (Avx512F.VL.IsSupported)
        {
            return Avx512F.VL.RotateRight(x, count);
        }

        if (Ssse3.IsSupported)
        {
            switch (count)
            {
                case 32:
                    return Sse2.Shuffle(x.AsUInt32(), 0xB1).AsUInt64();
                case 24:
                    return Ssse3.Shuffle(x.AsByte(), Vector128.Create((byte)3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10)).AsUInt64();
                case 16:
                    return Ssse3.Shuffle(x.AsByte(), Vector128.Create((byte)2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9)).AsUInt64();
            }
        }

        if (count == 63)
        {
            return Vector128.ShiftRightLogical(x, 63) ^ (x + x);
        }

        return Vector128.ShiftRightLogical(x, count) | Vector128.ShiftLeft(x, 64 - count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> BlaMka(Vector128<ulong> x, Vector128<ulong> y)
    {
        Vector128<ulong> product;
        if (Sse2.IsSupported)
        {
            product = Sse2.Multiply(x.AsUInt32(), y.AsUInt32());
        }
        else if (AdvSimd.IsSupported)
        {
            product = AdvSimd.MultiplyWideningLower(AdvSimd.ExtractNarrowingLower(x).AsUInt32(), AdvSimd.ExtractNarrowingLower(y).AsUInt32());
        }
        else
        {
            Vector128<ulong> low = Vector128.Create(0xFFFF_FFFFUL);
            product = (x & low) * (y & low);
        }

        return x + y + product + product;
    }
}
