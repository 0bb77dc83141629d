using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace MSecure.Core.Cryptography;

/// <summary>
/// Unkeyed BLAKE2b (RFC 7693) with 1 to 64 byte digests, as Argon2 needs it for H0 and H'.
/// A streaming value type so Argon2 can hash its length-prefixed inputs without concatenating
/// them (which would copy the password into another buffer).
/// </summary>
internal struct Blake2b
{
    public const int MaxDigestLength = 64;
    private const int BlockLength = 128;

    private static ReadOnlySpan<ulong> IV =>
    [
        0x6a09e667f3bcc908UL, 0xbb67ae8584caa73bUL, 0x3c6ef372fe94f82bUL, 0xa54ff53a5f1d36f1UL,
        0x510e527fade682d1UL, 0x9b05688c2b3e6c1fUL, 0x1f83d9abfb41bd6bUL, 0x5be0cd19137e2179UL,
    ];

    private static ReadOnlySpan<byte> Sigma =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
    ];

    private StateVector _h;
    private BlockBuffer _buffer;
    private ulong _bytesCompressed;
    private int _buffered;
    private int _digestLength;

    [InlineArray(8)]
    private struct StateVector
    {
        private ulong _element;
    }

    [InlineArray(BlockLength)]
    private struct BlockBuffer
    {
        private byte _element;
    }

    public Blake2b(int digestLength)
    {
        if (digestLength is < 1 or > MaxDigestLength)
        {
            throw new ArgumentOutOfRangeException(nameof(digestLength));
        }

        _digestLength = digestLength;
        IV.CopyTo(_h);
        _h[0] ^= 0x01010000UL ^ (uint)digestLength;
    }

    public void Update(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            // The last block must be compressed with the final flag, so a full buffer is only
            // compressed once more input is known to follow.
            if (_buffered == BlockLength)
            {
                _bytesCompressed = unchecked(_bytesCompressed + BlockLength);
                Compress(_buffer, isFinal: false);
                _buffered = 0;
            }

            int take = Math.Min(BlockLength - _buffered, data.Length);
            data[..take].CopyTo(((Span<byte>)_buffer)[_buffered..]);
            _buffered += take;
            data = data[take..];
        }
    }

    public void UpdateLittleEndian(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        Update(bytes);
    }

    /// <summary>Writes the digest and wipes the state.</summary>
    public void Finish(Span<byte> digest)
    {
        if (digest.Length != _digestLength)
        {
            throw new ArgumentException("Digest buffer length differs from the configured digest length.", nameof(digest));
        }

        _bytesCompressed = unchecked(_bytesCompressed + (ulong)_buffered);
        ((Span<byte>)_buffer)[_buffered..].Clear();
        Compress(_buffer, isFinal: true);

        Span<byte> full = stackalloc byte[MaxDigestLength];
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(full[(8 * i)..], _h[i]);
        }

        full[..digest.Length].CopyTo(digest);
        CryptographicOperations.ZeroMemory(full);
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes((Span<ulong>)_h));
        CryptographicOperations.ZeroMemory(_buffer);
        _buffered = 0;
    }

    /// <summary>One-shot digest of <paramref name="data"/> with length <paramref name="digest"/>.Length.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        var hasher = new Blake2b(digest.Length);
        hasher.Update(data);
        hasher.Finish(digest);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Compress(ReadOnlySpan<byte> block, bool isFinal)
    {
        unchecked
        {
            Span<ulong> m = stackalloc ulong[16];
            for (int i = 0; i < 16; i++)
            {
                m[i] = BinaryPrimitives.ReadUInt64LittleEndian(block[(8 * i)..]);
            }

            Span<ulong> v = stackalloc ulong[16];
            ((ReadOnlySpan<ulong>)_h).CopyTo(v);
            IV.CopyTo(v[8..]);
            v[12] ^= _bytesCompressed;
            if (isFinal)
            {
                v[14] = ~v[14];
            }

            ReadOnlySpan<byte> sigma = Sigma;
            for (int round = 0; round < 12; round++)
            {
                ReadOnlySpan<byte> s = sigma.Slice(16 * round, 16);
                G(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
                G(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
                G(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
                G(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
                G(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
                G(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
                G(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
                G(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
            }

            for (int i = 0; i < 8; i++)
            {
                _h[i] ^= v[i] ^ v[i + 8];
            }

            CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(m));
            CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void G(Span<ulong> v, int a, int b, int c, int d, ulong x, ulong y)
    {
        unchecked
        {
            v[a] = v[a] + v[b] + x;
            v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
            v[c] = v[c] + v[d];
            v[b] = BitOperations.RotateRight(v[b] ^ v[c], 24);
            v[a] = v[a] + v[b] + y;
            v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
            v[c] = v[c] + v[d];
            v[b] = BitOperations.RotateRight(v[b] ^ v[c], 63);
        }
    }
}
