using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace MSecure.Core.Cryptography;

/// <summary>The compression code paths; <see cref="Argon2Implementations.Best"/> picks the fastest the processor runs.</summary>
internal enum Argon2Implementation
{
    /// <summary>Portable 64-bit integer code.</summary>
    Scalar,

    /// <summary>128-bit vectors: NEON on ARM64, SSSE3 on x64.</summary>
    Vector128,

    /// <summary>256-bit AVX2.</summary>
    Avx2,

    /// <summary>256-bit AVX2 with AVX-512VL rotates.</summary>
    Avx512,
}

internal static class Argon2Implementations
{
    public static Argon2Implementation Best { get; } =
        IsSupported(Argon2Implementation.Avx512) ? Argon2Implementation.Avx512
        : IsSupported(Argon2Implementation.Avx2) ? Argon2Implementation.Avx2
        : IsSupported(Argon2Implementation.Vector128) ? Argon2Implementation.Vector128
        : Argon2Implementation.Scalar;

    public static bool IsSupported(Argon2Implementation implementation) => implementation switch
    {
        Argon2Implementation.Scalar => true,
        Argon2Implementation.Vector128 => Vector128.IsHardwareAccelerated && (Ssse3.IsSupported || AdvSimd.IsSupported),
        Argon2Implementation.Avx2 => Avx2.IsSupported,
        Argon2Implementation.Avx512 => Avx2.IsSupported && Avx512F.VL.IsSupported,
        _ => throw new ArgumentOutOfRangeException(nameof(implementation)),
    };
}
