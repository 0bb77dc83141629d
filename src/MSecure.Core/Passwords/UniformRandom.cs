using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Passwords;

/// <summary>
/// Uniform random integers in [0, n) by rejection sampling: a 32-bit random value is masked to
/// the smallest power of two above n - 1 and used only when it is below n, so every value is
/// exactly equally likely (no modulo bias). Random bytes are read in batches; the batch is
/// wiped on <see cref="Dispose"/>.
/// </summary>
internal sealed class UniformRandom : IDisposable
{
    private const int BatchLength = 256;

    private readonly RandomBytesSource _source;
    private readonly byte[] _batch = new byte[BatchLength];
    private int _position = BatchLength;

    internal UniformRandom(RandomBytesSource source) => _source = source;

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMaximum"/>).</summary>
    internal int Next(int exclusiveMaximum)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMaximum);
        if (exclusiveMaximum == 1)
        {
            return 0;
        }

        uint limit = (uint)exclusiveMaximum;
        uint mask = uint.MaxValue >> BitOperations.LeadingZeroCount(limit - 1);
        while (true)
        {
            uint candidate = NextUInt32() & mask;
            if (candidate < limit)
            {
                return (int)candidate;
            }
        }
    }

    /// <summary>Wipes the unused random bytes.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_batch);

    private uint NextUInt32()
    {
        if (_position > BatchLength - sizeof(uint))
        {
            _source(_batch);
            _position = 0;
        }

        uint value = BinaryPrimitives.ReadUInt32LittleEndian(_batch.AsSpan(_position));
        _batch.AsSpan(_position, sizeof(uint)).Clear();
        _position += sizeof(uint);
        return value;
    }
}
