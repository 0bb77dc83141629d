using System;
using System.Security.Cryptography;
using System.Text;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Access;

/// <summary>
/// The two keys of an access key's secret:
/// PRK = HKDF-Extract(SHA-256, salt = key id ‖ account id, IKM = secret);
/// seal key = HKDF-Expand(PRK, "msecure/v1/access-key/seal") seals the key's grants and never
/// leaves a client; auth key = HKDF-Expand(PRK, "msecure/v1/access-key/auth") is what the server
/// sees (it stores only its SHA-256). Knowing the auth key, or its hash, gives nothing of the seal key.
/// </summary>
internal sealed class AccessKeyKeys : IDisposable
{
    internal const string SealLabel = "msecure/v1/access-key/seal";
    internal const string AuthLabel = "msecure/v1/access-key/auth";

    private AccessKeyKeys(SecretKey seal, SecretKey auth)
    {
        Seal = seal;
        Auth = auth;
    }

    /// <summary>The AES-256-GCM key of the grants.</summary>
    internal SecretKey Seal { get; }

    /// <summary>The key presented to the server.</summary>
    internal SecretKey Auth { get; }

    /// <summary>Derives both keys.</summary>
    internal static AccessKeyKeys Derive(ReadOnlySpan<byte> secret, Guid keyId, Guid accountId)
    {
        Span<byte> salt = stackalloc byte[2 * IdEncoding.Length];
        IdEncoding.Write(keyId, salt);
        IdEncoding.Write(accountId, salt[IdEncoding.Length..]);
        Span<byte> pseudorandomKey = stackalloc byte[32];
        try
        {
            HKDF.Extract(HashAlgorithmName.SHA256, secret, salt, pseudorandomKey);
            return new AccessKeyKeys(Expand(pseudorandomKey, SealLabel), Expand(pseudorandomKey, AuthLabel));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pseudorandomKey);
        }
    }

    /// <summary>SHA-256 of the auth key: what the server stores and compares.</summary>
    internal byte[] AuthHash() => SHA256.HashData(Auth.Bytes);

    /// <summary>Wipes both keys.</summary>
    public void Dispose()
    {
        Seal.Dispose();
        Auth.Dispose();
    }

    private static SecretKey Expand(ReadOnlySpan<byte> pseudorandomKey, string label)
    {
        SecretKey key = SecretKey.CreateEmpty(32);
        HKDF.Expand(HashAlgorithmName.SHA256, pseudorandomKey, key.WritableBytes, Encoding.ASCII.GetBytes(label));
        return key;
    }
}
