using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MSecure.Server.Security;

/// <summary>
/// Bearer tokens: "mst_" and 32 random bytes in base64url. The server stores only their SHA-256,
/// so a stolen database holds no usable token.
/// </summary>
internal static class BearerTokens
{
    public const string Prefix = "mst_";
    private const int RandomLength = 32;

    // "mst_" + 43 base64url characters; longer headers are refused before hashing.
    public const int MaxLength = 64;

    /// <summary>A fresh token and the hash the server keeps of it.</summary>
    public static (string Token, byte[] Hash) Create()
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        string token = Prefix + Base64Url.EncodeToString(random);
        CryptographicOperations.ZeroMemory(random);
        return (token, Hash(token));
    }

    /// <summary>The SHA-256 of the token's ASCII text, as stored.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
