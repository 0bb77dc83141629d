using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Reports;

/// <summary>
/// Keyed hashes of passwords, to find reuse without holding two plaintexts side by side:
/// HMAC-SHA256 under a random key made for one report and wiped by <see cref="Dispose"/>, so a
/// digest is worthless after the run (no precomputed table matches it).
/// </summary>
internal sealed class PasswordDigester : IDisposable
{
    private readonly SecretKey _key = SecretKey.CreateEmpty(32);

    internal PasswordDigester() => RandomNumberGenerator.Fill(_key.WritableBytes);

    /// <summary>The digest of <paramref name="password"/>: exact equality, as the site that checks it compares.</summary>
    internal PasswordDigest Digest(ReadOnlySpan<char> password)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key.Bytes, MemoryMarshal.AsBytes(password), mac);
        var digest = new PasswordDigest(
            MemoryMarshal.Read<ulong>(mac), MemoryMarshal.Read<ulong>(mac[8..]), MemoryMarshal.Read<ulong>(mac[16..]), MemoryMarshal.Read<ulong>(mac[24..]));
        CryptographicOperations.ZeroMemory(mac);
        return digest;
    }

    /// <summary>Wipes the key.</summary>
    public void Dispose() => _key.Dispose();
}

/// <summary>An HMAC-SHA256 digest of a password under one report's key.</summary>
internal readonly record struct PasswordDigest(ulong A, ulong B, ulong C, ulong D)
{
    /// <summary>Never the digest: it is derived from a password (the generated form would print it).</summary>
    public override string ToString() => nameof(PasswordDigest);
}
