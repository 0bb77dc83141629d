using System;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;

namespace MSecure.Core.Cryptography;

/// <summary>
/// Turns the server-authentication key into a P-256 private scalar, deterministically:
/// c = HKDF-Expand(key, "msecure/v1/server-authentication/ecdsa-p256-private-key", 48 bytes),
/// d = (c mod (n − 1)) + 1, as in FIPS 186-5 appendix A.2.1 ("extra random bits"): 64 extra
/// bits make the bias of the reduction negligible (below 2^-64), and d is never 0.
/// </summary>
internal static class P256PrivateKeyDerivation
{
    /// <summary>The byte length of a P-256 scalar.</summary>
    internal const int ScalarLength = 32;

    /// <summary>Bytes of HKDF output reduced into a scalar: 256 + 64 bits.</summary>
    internal const int SeedLength = 48;

    /// <summary>The order n of the P-256 base point (FIPS 186-5 / SEC 2).</summary>
    internal static readonly BigInteger Order = BigInteger.Parse(
        "0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>Writes d, big-endian and left-padded to 32 bytes, into <paramref name="scalar"/>.</summary>
    /// <remarks>
    /// <see cref="BigInteger"/> values are immutable and cannot be wiped; they live only for the
    /// duration of this call. The byte buffers are wiped.
    /// </remarks>
    internal static void Derive(SecretKey serverAuthenticationKey, Span<byte> scalar)
    {
        if (scalar.Length != ScalarLength)
        {
            throw new ArgumentException("A P-256 scalar is 32 bytes.", nameof(scalar));
        }

        Span<byte> seed = stackalloc byte[SeedLength];
        try
        {
            HKDF.Expand(HashAlgorithmName.SHA256, serverAuthenticationKey.Bytes, seed, KeyDerivationLabels.ServerAuthenticationP256Scalar);
            BigInteger d = (new BigInteger(seed, isUnsigned: true, isBigEndian: true) % (Order - 1)) + 1;
            scalar.Clear();
            int length = d.GetByteCount(isUnsigned: true);
            if (!d.TryWriteBytes(scalar[(ScalarLength - length)..], out _, isUnsigned: true, isBigEndian: true))
            {
                throw new CryptographicException("The P-256 scalar did not fit in 32 bytes.");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }
}
