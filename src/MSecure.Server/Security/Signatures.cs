using System;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Server.Security;

/// <summary>Signature checks of device statements, including the decoy check that keeps failures equally slow.</summary>
internal static class Signatures
{
    // A key nobody holds: failures that have no account key to check still pay for one verification.
    private static readonly byte[] DecoyPublicKey = CreateDecoyPublicKey();

    /// <summary>Whether <paramref name="signature"/> signs <paramref name="data"/> under <paramref name="publicKey"/>; an invalid key is false.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            return ServerAuthenticationSignature.Verify(publicKey, data, signature);
        }
        catch (MSecureException)
        {
            return false;
        }
    }

    /// <summary>Spends one verification on a key nobody holds, so a refusal without a key takes as long as one with.</summary>
    public static void VerifyDecoy(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        _ = Verify(DecoyPublicKey, data, signature);

    private static byte[] CreateDecoyPublicKey()
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        ECParameters parameters = key.ExportParameters(includePrivateParameters: false);
        byte[] point = new byte[ServerAuthenticationKey.PublicKeyLength];
        point[0] = 0x04;
        parameters.Q.X.AsSpan().CopyTo(point.AsSpan(1));
        parameters.Q.Y.AsSpan().CopyTo(point.AsSpan(33));
        return point;
    }
}
