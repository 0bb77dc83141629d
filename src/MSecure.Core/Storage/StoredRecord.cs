using System;
using System.Runtime.InteropServices;

namespace MSecure.Core.Storage;

/// <summary>A row of the records table as stored: ids and numbers in clear, everything else envelopes.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Revision">The current revision (bound into the envelopes' associated data).</param>
/// <param name="Deleted">Whether the row is a tombstone.</param>
/// <param name="ModifiedAt">Modification time, Unix milliseconds (in clear, for sync).</param>
/// <param name="NameIndex">The blind index of the name; null for a tombstone.</param>
/// <param name="Summary">The summary envelope; null for a tombstone.</param>
/// <param name="Content">The full record envelope, or the tombstone envelope; null when its row in record_contents is missing.</param>
/// <param name="NewestHistoryRevision">The highest revision in the record's history, if any.</param>
internal sealed record StoredRecord(
    Guid Id,
    long Revision,
    bool Deleted,
    long ModifiedAt,
    byte[]? NameIndex,
    byte[]? Summary,
    byte[]? Content,
    long? NewestHistoryRevision);

/// <summary>One envelope with the id and revision it is bound to (scans and history).</summary>
/// <param name="Id">The record id.</param>
/// <param name="Revision">The revision the envelope was sealed for.</param>
/// <param name="Envelope">The envelope.</param>
internal readonly record struct StoredEnvelope(Guid Id, long Revision, byte[] Envelope);

/// <summary>A row of a full scan: its state as the record-set digest covers it, and its summary or full envelope (empty for a tombstone).</summary>
/// <param name="State">Id, revision, deleted flag and name index.</param>
/// <param name="Envelope">The summary or full envelope; empty for a tombstone, or a live row whose envelope is missing.</param>
internal readonly record struct ScannedRow(RowState State, ReadOnlyMemory<byte> Envelope);

/// <summary>One row's state as the record-set digest covers it: id, revision, deleted flag and name index.</summary>
internal readonly record struct RowState(Guid Id, long Revision, bool Deleted, NameIndexBlocks NameIndex);

/// <summary>Receives a chunk of row states; the span is valid only during the call.</summary>
internal delegate void RowStatesHandler(ReadOnlySpan<RowState> rows);

/// <summary>
/// A stored blind name index as the two 16-byte blocks the record-set digest hashes: the 32 index
/// bytes of a live row, all zero for a tombstone (whose index is NULL). An index of another length
/// is <see cref="Malformed"/>; the digest then hashes a value no honest row has, so it cannot match.
/// </summary>
/// <param name="First">Bytes 0 to 15.</param>
/// <param name="Second">Bytes 16 to 31.</param>
internal readonly record struct NameIndexBlocks(UInt128 First, UInt128 Second)
{
    /// <summary>The length of a blind name index.</summary>
    internal const int Length = 32;

    /// <summary>What a stored index of a wrong length hashes as.</summary>
    internal static NameIndexBlocks Malformed => new(UInt128.MaxValue, UInt128.MaxValue);

    /// <summary>The blocks of a stored index: empty (NULL) is all zero, 32 bytes are themselves, anything else <see cref="Malformed"/>.</summary>
    internal static NameIndexBlocks From(ReadOnlySpan<byte> stored) => stored.Length switch
    {
        0 => default,
        Length => new(MemoryMarshal.Read<UInt128>(stored), MemoryMarshal.Read<UInt128>(stored[16..])),
        _ => Malformed,
    };

    /// <summary>Writes the first block into <paramref name="destination"/> (16 bytes).</summary>
    internal void WriteFirst(Span<byte> destination) => MemoryMarshal.Write(destination, First);

    /// <summary>Writes the second block into <paramref name="destination"/> (16 bytes).</summary>
    internal void WriteSecond(Span<byte> destination) => MemoryMarshal.Write(destination, Second);
}
