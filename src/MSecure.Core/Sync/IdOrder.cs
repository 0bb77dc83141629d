using System;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Sync;

/// <summary>Ids ordered by their 16 big-endian bytes (the order of their text form), the same on every platform.</summary>
internal static class IdOrder
{
    /// <summary>Negative, zero or positive as <paramref name="left"/> sorts before, with or after <paramref name="right"/>.</summary>
    internal static int Compare(Guid left, Guid right)
    {
        Span<byte> a = stackalloc byte[IdEncoding.Length];
        Span<byte> b = stackalloc byte[IdEncoding.Length];
        IdEncoding.Write(left, a);
        IdEncoding.Write(right, b);
        return a.SequenceCompareTo(b);
    }
}
