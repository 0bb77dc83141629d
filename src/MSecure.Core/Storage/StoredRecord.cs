using System;

namespace MSecure.Core.Storage;

/// <summary>A row of the records table as stored: ids and numbers in clear, everything else envelopes.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Revision">The current revision (bound into the envelopes' associated data).</param>
/// <param name="Deleted">Whether the row is a tombstone.</param>
/// <param name="ModifiedAt">Modification time, Unix milliseconds (in clear, for sync).</param>
/// <param name="NameIndex">The blind index of the name; null for a tombstone.</param>
/// <param name="Summary">The summary envelope; null for a tombstone.</param>
/// <param name="Content">The full record envelope, or the tombstone envelope.</param>
/// <param name="NewestHistoryRevision">The highest revision in the record's history, if any.</param>
internal sealed record StoredRecord(
    Guid Id,
    long Revision,
    bool Deleted,
    long ModifiedAt,
    byte[]? NameIndex,
    byte[]? Summary,
    byte[] Content,
    long? NewestHistoryRevision);

/// <summary>One envelope with the id and revision it is bound to (scans and history).</summary>
/// <param name="Id">The record id.</param>
/// <param name="Revision">The revision the envelope was sealed for.</param>
/// <param name="Envelope">The envelope.</param>
internal readonly record struct StoredEnvelope(Guid Id, long Revision, byte[] Envelope);

/// <summary>A row of a full scan: its envelope (empty for a tombstone) and whether it is a tombstone.</summary>
/// <param name="Row">Id, revision and the summary or full envelope.</param>
/// <param name="Deleted">Whether the row is a tombstone.</param>
internal readonly record struct ScannedRow(StoredEnvelope Row, bool Deleted);

/// <summary>One row's state as the record-set digest covers it: id, revision and deleted flag.</summary>
internal readonly record struct RowState(Guid Id, long Revision, bool Deleted);

/// <summary>Receives a chunk of row states; the span is valid only during the call.</summary>
internal delegate void RowStatesHandler(ReadOnlySpan<RowState> rows);
