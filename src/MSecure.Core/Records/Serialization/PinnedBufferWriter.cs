using System;
using System.Buffers;
using System.Security.Cryptography;

namespace MSecure.Core.Records.Serialization;

/// <summary>
/// A growable byte buffer for plaintext JSON on the pinned object heap: the garbage collector
/// never copies it, growing wipes the old array, and <see cref="Clear"/> and
/// <see cref="Dispose"/> wipe what was written.
/// </summary>
internal sealed class PinnedBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _written;

    internal PinnedBufferWriter(int initialCapacity = 1024) =>
        _buffer = GC.AllocateArray<byte>(Math.Max(initialCapacity, 64), pinned: true);

    /// <summary>The bytes written since the last <see cref="Clear"/>.</summary>
    internal ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Wipes what was written and starts again.</summary>
    internal void Clear()
    {
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _written));
        _written = 0;
    }

    /// <summary>Wipes the whole buffer.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buffer);
        _written = 0;
    }

    private void EnsureCapacity(int sizeHint)
    {
        int needed = checked(_written + Math.Max(sizeHint, 1));
        if (needed <= _buffer.Length)
        {
            return;
        }

        int capacity = Math.Max(needed, checked(_buffer.Length * 2));
        byte[] larger = GC.AllocateArray<byte>(capacity, pinned: true);
        _buffer.AsSpan(0, _written).CopyTo(larger);
        CryptographicOperations.ZeroMemory(_buffer);
        _buffer = larger;
    }
}
