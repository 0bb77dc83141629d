using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace MSecure.Core.Cryptography;

/// <summary>
/// Builds canonical associated data: a purpose label, then each component, every one written
/// as a 4-byte big-endian length followed by its bytes. Length prefixes make the encoding
/// injective, so ("ab", "c") and ("a", "bc") never produce the same bytes.
/// </summary>
public sealed class AssociatedDataBuilder
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>Starts associated data for <paramref name="purpose"/> (for example "msecure/v1/record").</summary>
    public AssociatedDataBuilder(string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        AddText(purpose);
    }

    /// <summary>Appends raw bytes as one component.</summary>
    public AssociatedDataBuilder AddBytes(ReadOnlySpan<byte> component)
    {
        WriteLength(component.Length);
        _buffer.Write(component);
        return this;
    }

    /// <summary>Appends text as one UTF-8 component.</summary>
    public AssociatedDataBuilder AddText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AddBytes(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Appends an id as one 16-byte big-endian (RFC 4122 order) component.</summary>
    public AssociatedDataBuilder AddId(Guid id)
    {
        Span<byte> bytes = stackalloc byte[IdEncoding.Length];
        IdEncoding.Write(id, bytes);
        return AddBytes(bytes);
    }

    /// <summary>Appends a number as one 4-byte big-endian component.</summary>
    public AssociatedDataBuilder AddUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return AddBytes(bytes);
    }

    /// <summary>Appends a number as one 8-byte big-endian component.</summary>
    public AssociatedDataBuilder AddInt64(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return AddBytes(bytes);
    }

    /// <summary>The associated data built so far.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private void WriteLength(int length)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(sizeof(uint)), checked((uint)length));
        _buffer.Advance(sizeof(uint));
    }
}
