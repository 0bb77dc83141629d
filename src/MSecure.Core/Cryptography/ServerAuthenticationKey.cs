using System;
using System.Diagnostics;
using System.Security.Cryptography;

namespace MSecure.Core.Cryptography;

/// <summary>
/// The ECDSA P-256 key pair a device signs in to the server with, derived deterministically
/// from the Account Key (via <see cref="AccountKeys.ServerAuthentication"/>), so every device
/// holding the AK has the same key pair and the server stores only the public key.
/// The platform computes the public point Q = d·G from the private scalar d.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ServerAuthenticationKey : IDisposable
{
    /// <summary>The length of the uncompressed public point 0x04 ‖ X ‖ Y.</summary>
    public const int PublicKeyLength = 1 + (2 * CoordinateLength);

    /// <summary>The length of a signature: r ‖ s, 32 bytes each (IEEE P1363).</summary>
    public const int SignatureLength = 2 * CoordinateLength;

    private const int CoordinateLength = 32;
    private const byte UncompressedPointPrefix = 0x04;

    private readonly ECDsa _ecdsa;

    private ServerAuthenticationKey(ECDsa ecdsa) => _ecdsa = ecdsa;

    /// <summary>Derives the key pair of the account whose keys are <paramref name="keys"/>.</summary>
    public static ServerAuthenticationKey Derive(AccountKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        byte[] scalar = GC.AllocateArray<byte>(P256PrivateKeyDerivation.ScalarLength, pinned: true);
        try
        {
            P256PrivateKeyDerivation.Derive(keys.ServerAuthentication, scalar);
            // Only D is given: .NET derives Q on Windows (CNG), Linux (OpenSSL) and macOS.
            return new ServerAuthenticationKey(ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                D = scalar,
            }));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    /// <summary>The public key as the 65-byte uncompressed point 0x04 ‖ X ‖ Y (SEC 1 section 2.3.3).</summary>
    public byte[] ExportPublicKey()
    {
        ECParameters publicParameters = _ecdsa.ExportParameters(includePrivateParameters: false);
        byte[] point = new byte[PublicKeyLength];
        point[0] = UncompressedPointPrefix;
        publicParameters.Q.X.AsSpan().CopyTo(point.AsSpan(1, CoordinateLength));
        publicParameters.Q.Y.AsSpan().CopyTo(point.AsSpan(1 + CoordinateLength, CoordinateLength));
        return point;
    }

    /// <summary>The public key as DER SubjectPublicKeyInfo (RFC 5480), as servers and TLS stacks read it.</summary>
    public byte[] ExportSubjectPublicKeyInfo() => _ecdsa.ExportSubjectPublicKeyInfo();

    /// <summary>Signs <paramref name="data"/> (ECDSA with SHA-256), returning r ‖ s (64 bytes).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        _ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>Releases the key pair (the platform wipes the private scalar).</summary>
    public void Dispose() => _ecdsa.Dispose();

    /// <summary>Names the algorithm only.</summary>
    public override string ToString() => "ServerAuthenticationKey (ECDSA P-256)";

    /// <summary>Imports a 65-byte uncompressed public point into a verifying key.</summary>
    internal static ECDsa ImportPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeyLength || publicKey[0] != UncompressedPointPrefix)
        {
            throw new ArgumentException("A P-256 public key is 65 bytes: 0x04, X, Y.", nameof(publicKey));
        }

        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = publicKey.Slice(1, CoordinateLength).ToArray(),
                Y = publicKey.Slice(1 + CoordinateLength, CoordinateLength).ToArray(),
            },
        });
    }
}
