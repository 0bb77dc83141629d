using System;
using System.Security.Cryptography;
using MSecure.Core.Records.Serialization;

namespace MSecure.Core.Sync;

/// <summary>
/// One revision of a record as sync moves it: its record JSON (a full record or a tombstone),
/// parsed, with its sync metadata (derived for a revision written before schema 5). The JSON is
/// held in a pinned array wiped by <see cref="Dispose"/>.
/// </summary>
internal sealed class RevisionText : IDisposable
{
    private RevisionText(Guid recordId, byte[] json, RecordDocument? record, TombstoneDocument? tombstone, SyncDocument sync, bool written)
    {
        RecordId = recordId;
        Json = json;
        Record = record;
        Tombstone = tombstone;
        Sync = sync;
        HasWrittenMetadata = written;
    }

    /// <summary>The record.</summary>
    internal Guid RecordId { get; }

    /// <summary>The record JSON (pinned; wiped on dispose).</summary>
    internal byte[] Json { get; }

    /// <summary>The full record, or null for a tombstone.</summary>
    internal RecordDocument? Record { get; }

    /// <summary>The tombstone, or null for a full record.</summary>
    internal TombstoneDocument? Tombstone { get; }

    /// <summary>The sync metadata (written in the JSON, or derived).</summary>
    internal SyncDocument Sync { get; }

    /// <summary>Whether the JSON holds its sync metadata (false for a revision from before schema 5).</summary>
    internal bool HasWrittenMetadata { get; }

    /// <summary>Whether the revision is a tombstone.</summary>
    internal bool Deleted => Tombstone is not null;

    /// <summary>The revision's modification (or removal) time, Unix milliseconds.</summary>
    internal long Modified => Record?.Modified ?? Tombstone!.Modified;

    /// <summary>The change id.</summary>
    internal Guid Change => Sync.Change;

    /// <summary>How the winner rule sees this revision.</summary>
    internal WinnerRule.Candidate Candidate => new(Deleted, Modified, Sync.Author, Sync.Change);

    /// <summary>
    /// Parses stored JSON of revision <paramref name="revision"/> (a full record, or a tombstone
    /// when <paramref name="deleted"/>); null when it is not one. Takes ownership of <paramref name="json"/>.
    /// </summary>
    internal static RevisionText? Parse(Guid recordId, long revision, bool deleted, byte[] json)
    {
        RevisionText? text = TryParse(recordId, deleted, json, sync => sync ?? LegacyChangeIds.Metadata(recordId, revision));
        if (text is null)
        {
            CryptographicOperations.ZeroMemory(json);
        }

        return text;
    }

    /// <summary>
    /// Parses the JSON of a sync envelope: it must hold its sync metadata (legacy ones are written in
    /// before they leave a device). Null when it is not a record or tombstone with metadata. Takes ownership of <paramref name="json"/>.
    /// </summary>
    internal static RevisionText? ParseSynced(Guid recordId, bool deleted, byte[] json)
    {
        RevisionText? text = TryParse(recordId, deleted, json, sync => sync);
        if (text is null)
        {
            CryptographicOperations.ZeroMemory(json);
        }

        return text;
    }

    /// <summary>The same revision with <paramref name="sync"/> written into its JSON (other members unchanged).</summary>
    internal RevisionText WithSync(SyncDocument sync, PinnedBufferWriter buffer)
    {
        try
        {
            if (Record is { } record)
            {
                RecordDocument copy = Copy(record);
                copy.Sync = sync;
                return FromRecord(RecordId, copy, buffer);
            }

            var tombstone = new TombstoneDocument { Version = Tombstone!.Version, Id = Tombstone.Id, Deleted = true, Modified = Tombstone.Modified, Sync = sync };
            RecordSerializer.WriteTombstone(tombstone, buffer);
            return new RevisionText(RecordId, Pinned(buffer.WrittenSpan), null, tombstone, sync, written: true);
        }
        finally
        {
            buffer.Clear();
        }
    }

    /// <summary>A revision holding <paramref name="record"/>, whose sync metadata must be set.</summary>
    internal static RevisionText FromRecord(Guid recordId, RecordDocument record, PinnedBufferWriter buffer)
    {
        ArgumentNullException.ThrowIfNull(record.Sync);
        try
        {
            RecordSerializer.WriteRecord(record, buffer);
            return new RevisionText(recordId, Pinned(buffer.WrittenSpan), record, null, record.Sync, written: true);
        }
        finally
        {
            buffer.Clear();
        }
    }

    /// <summary>The same revision with its metadata written in its JSON (itself when it already is).</summary>
    internal RevisionText WithWrittenMetadata(PinnedBufferWriter buffer) => HasWrittenMetadata ? this : WithSync(Sync, buffer);

    /// <summary>Wipes the JSON.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(Json);

    /// <summary>A shallow copy of a record document (fields and tags lists are shared; they are never changed).</summary>
    internal static RecordDocument Copy(RecordDocument record) => new()
    {
        Version = record.Version,
        Name = record.Name,
        Template = record.Template,
        Fields = record.Fields,
        Tags = record.Tags,
        Notes = record.Notes,
        Favorite = record.Favorite,
        Created = record.Created,
        Modified = record.Modified,
        Sync = record.Sync,
    };

    private static RevisionText? TryParse(Guid recordId, bool deleted, byte[] json, Func<SyncDocument?, SyncDocument?> metadata)
    {
        if (deleted)
        {
            if (RecordSerializer.ReadTombstone(json) is not { } tombstone || tombstone.Id != recordId || metadata(tombstone.Sync) is not { } tombstoneSync)
            {
                return null;
            }

            return new RevisionText(recordId, json, null, tombstone, tombstoneSync, tombstone.Sync is not null);
        }

        if (RecordSerializer.ReadRecord(json) is not { } record || metadata(record.Sync) is not { } sync)
        {
            return null;
        }

        return new RevisionText(recordId, json, record, null, sync, record.Sync is not null);
    }

    private static byte[] Pinned(ReadOnlySpan<byte> bytes)
    {
        byte[] copy = GC.AllocateArray<byte>(bytes.Length, pinned: true);
        bytes.CopyTo(copy);
        return copy;
    }
}
