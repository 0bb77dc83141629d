using System;
using System.Security.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Cryptography;

/// <summary>Checks a signature made by a <see cref="ServerAuthenticationKey"/>, given only its public key.</summary>
public static class ServerAuthenticationSignature
{
    /// <summary>
    /// Whether <paramref name="signature"/> (r ‖ s, 64 bytes) is a valid ECDSA P-256 SHA-256
    /// signature of <paramref name="data"/> under <paramref name="publicKey"/> (65-byte uncompressed point).
    /// </summary>
    /// <exception cref="MSecureException">The public key is not a valid P-256 point (code InvalidArgument).</exception>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ECDsa verifier;
        try
        {
            verifier = ServerAuthenticationKey.ImportPublicKey(publicKey);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            throw MSecureErrors.InvalidArgument("publicKey", "it is not a 65-byte uncompressed P-256 point on the curve.");
        }

        using (verifier)
        {
            return signature.Length == ServerAuthenticationKey.SignatureLength
                && verifier.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
    }
}
