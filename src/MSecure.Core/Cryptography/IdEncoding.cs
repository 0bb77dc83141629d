using System;

namespace MSecure.Core.Cryptography;

/// <summary>
/// The one byte form of an id (account, vault, record) wherever it is hashed, bound or
/// stored: 16 bytes in RFC 4122 (big-endian) order, the order of its text form, identical on
/// every platform. <see cref="Guid.ToByteArray()"/>'s mixed-endian order is never used.
/// </summary>
internal static class IdEncoding
{
    /// <summary>The byte length of an id.</summary>
    internal const int Length = 16;

    /// <summary>Writes <paramref name="id"/> big-endian into the first 16 bytes of <paramref name="destination"/>.</summary>
    internal static void Write(Guid id, Span<byte> destination)
    {
        if (!id.TryWriteBytes(destination, bigEndian: true, out _))
        {
            throw new ArgumentException("The destination must hold 16 bytes.", nameof(destination));
        }
    }

    /// <summary>Reads a big-endian id from the first 16 bytes of <paramref name="source"/>.</summary>
    internal static Guid Read(ReadOnlySpan<byte> source) => new(source[..Length], bigEndian: true);
}
