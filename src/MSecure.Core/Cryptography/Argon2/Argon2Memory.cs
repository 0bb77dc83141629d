using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MSecure.Core.Cryptography.BlockCompression;

namespace MSecure.Core.Cryptography;

/// <summary>
/// Argon2's block matrix outside the GC heap (never moved, so no stray copies of key-derived
/// data), allocated once per hash, wiped and freed on dispose. On Linux it is an anonymous
/// mapping advised to use transparent huge pages, which cuts page faults and TLB misses on
/// Argon2's random reference reads, and excluded from core dumps.
/// </summary>
internal sealed unsafe class Argon2Memory : IDisposable
{
    private const nuint HugePageSize = 2 * 1024 * 1024;

    // Below a few huge pages the alignment slack outweighs the gain.
    private const nuint MinimumMappedBytes = 4 * HugePageSize;

    private readonly void* _mapping;
    private readonly nuint _mappingLength;
    private ulong* _blocks;

    public Argon2Memory(ulong blockCount)
    {
        BlockCount = blockCount;
        ByteCount = checked((nuint)blockCount * Argon2Block.Bytes);
        if (ByteCount >= MinimumMappedBytes && OperatingSystem.IsLinux() && LinuxMemory.TryMap(ByteCount + HugePageSize, out _mapping))
        {
            _mappingLength = ByteCount + HugePageSize;
            _blocks = (ulong*)unchecked(((nuint)_mapping + HugePageSize - 1) & ~(HugePageSize - 1));
            LinuxMemory.Advise(_blocks, ByteCount);
        }
        else
        {
            _blocks = (ulong*)NativeMemory.AlignedAlloc(ByteCount, 64);
        }
    }

    public ulong BlockCount { get; }

    public nuint ByteCount { get; }

    /// <summary>The first word of block <paramref name="index"/>.</summary>
    public ulong* Block(ulong index) => unchecked(_blocks + (index * Argon2Block.Words));

    public void Dispose()
    {
        if (_blocks == null)
        {
            return;
        }

        // Spans are limited to int.MaxValue bytes, so wipe in slices.
        byte* cursor = (byte*)_blocks;
        nuint remaining = ByteCount;
        while (remaining > 0)
        {
            int chunk = (int)Math.Min(remaining, 1u << 30);
            CryptographicOperations.ZeroMemory(new Span<byte>(cursor, chunk));
            cursor += chunk;
            remaining -= (nuint)chunk;
        }

        if (_mapping != null)
        {
            LinuxMemory.Unmap(_mapping, _mappingLength);
        }
        else
        {
            NativeMemory.AlignedFree(_blocks);
        }

        _blocks = null;
    }
}
