using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MSecure.Server.Security;

/// <summary>Random secrets shown once as a prefix and base64url, and kept only as the SHA-256 of that text.</summary>
internal static class PrefixedSecrets
{
    /// <summary>A fresh secret of <paramref name="randomLength"/> random bytes and the hash the server keeps of it.</summary>
    public static (string Text, byte[] Hash) Create(string prefix, int randomLength)
    {
        Span<byte> random = stackalloc byte[randomLength];
        RandomNumberGenerator.Fill(random);
        string text = prefix + Base64Url.EncodeToString(random);
        CryptographicOperations.ZeroMemory(random);
        return (text, Hash(text));
    }

    /// <summary>The SHA-256 of the secret's text, as stored.</summary>
    public static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
