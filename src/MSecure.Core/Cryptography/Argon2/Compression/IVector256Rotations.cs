using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MSecure.Core.Cryptography.BlockCompression;

/// <summary>The four 64-bit rotations BLAKE2b needs, per instruction set.</summary>
internal interface IVector256Rotations
{
    static abstract Vector256<ulong> RotateRight32(Vector256<ulong> x);

    static abstract Vector256<ulong> RotateRight24(Vector256<ulong> x);

    static abstract Vector256<ulong> RotateRight16(Vector256<ulong> x);

    static abstract Vector256<ulong> RotateRight63(Vector256<ulong> x);
}

/// <summary>AVX2 has no 64-bit rotate: byte shuffles for multiples of 8, shift-add-xor for 63.</summary>
internal readonly struct Avx2Rotations : IVector256Rotations
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> RotateRight32(Vector256<ulong> x) => Avx2.Shuffle(x.AsUInt32(), 0xB1).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> RotateRight24(Vector256<ulong> x) =>
        Avx2.Shuffle(x.AsByte(), Vector256.Create(
            (byte)3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10,
            3, 4, 5, 6, 7, 0, 1, 2, 11, 12, 13, 14, 15, 8, 9, 10)).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> RotateRight16(Vector256<ulong> x) =>
        Avx2.Shuffle(x.AsByte(), Vector256.Create(
            (byte)2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9,
            2, 3, 4, 5, 6, 7, 0, 1, 10, 11, 12, 13, 14, 15, 8, 9)).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> RotateRight63(Vector256<ulong> x) => Avx2.ShiftRightLogical(x, 63) ^ (x + x);
}

/// <summary>AVX-512VL rotates a 64-bit lane in one instruction (vprorq).</summary>
internal readonly struct Avx512Rotations : IVector256Rotations
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> RotateRight32(Vector256<ulong> x) => Avx2.Shuffle(x.AsUInt32(), 0xB1).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> RotateRight24(Vector256<ulong> x) => Avx512F.VL.RotateRight(x, 24);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> RotateRight16(Vector256<ulong> x) => Avx512F.VL.RotateRight(x, 16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> RotateRight63(Vector256<ulong> x) => Avx512F.VL.RotateRight(x, 63);
}
