using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Records.Serialization;
using MSecure.Core.Storage;
using MSecure.Core.Sync;

namespace MSecure.Core.Vault;

/// <summary>
/// Adds, updates and removes records, each call in one write transaction. An update or removal
/// checks the revision the caller expects, moves the previous version into history (re-sealed
/// as a history envelope) and writes the next revision. Every revision carries fresh sync metadata
/// (a new change id, its parent's, this vault as author) and puts the record in the sync outbox.
/// </summary>
internal static class RecordWriter
{
    /// <summary>Adds one record at revision 1.</summary>
    internal static Record Add(UnlockedVault vault, RecordDraft draft)
    {
        RecordContent content = RecordValidation.Validate(draft);
        return vault.WriteRecords(change => Insert(vault, change, content, checkName: true));
    }

    /// <summary>Adds many records in one transaction: all of them or, on any failure, none.</summary>
    internal static IReadOnlyList<Record> AddMany(UnlockedVault vault, IEnumerable<RecordDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var contents = new List<RecordContent>();
        foreach (RecordDraft draft in drafts)
        {
            contents.Add(RecordValidation.Validate(draft));
        }

        return vault.WriteRecords(change =>
        {
            var records = new List<Record>(contents.Count);
            var added = new HashSet<Guid>();
            foreach (RecordContent content in contents)
            {
                // The unique index on live names catches conflicts, in the vault and in the batch.
                try
                {
                    Record record = Insert(vault, change, content, checkName: false);
                    records.Add(record);
                    added.Add(record.Id);
                }
                catch (MSecureException exception) when (exception.Code == MSecureErrorCode.RecordNameConflict
                    && added.Overlaps(ConflictingIds(vault, content)))
                {
                    // Two drafts of the batch share a name: no stored record is involved.
                    throw MSecureErrors.RecordNameConflict(null);
                }
            }

            return records;
        });
    }

    /// <summary>Writes a new revision of <paramref name="id"/>.</summary>
    internal static Record Update(UnlockedVault vault, Guid id, RecordDraft draft, long? expectedRevision)
    {
        RecordContent content = RecordValidation.Validate(draft);
        return vault.WriteRecords(change => WriteRevision(vault, change, id, content, expectedRevision));
    }

    /// <summary>Inside a record write: the next revision of <paramref name="id"/> (the previous one moves to history).</summary>
    internal static Record WriteRevision(UnlockedVault vault, RecordSetChange change, Guid id, RecordContent content, long? expectedRevision)
    {
        StoredRecord current = LiveRow(vault, id, expectedRevision);
        RecordDocument previous = vault.Codec.OpenDocument(EnvelopeRole.Record, id, current.Revision, RecordReader.ContentOf(current), out byte[]? history, sealHistory: true);
        long modifiedAt = VaultClock.NowMilliseconds();
        SealedRecord sealedRecord = vault.Codec.Seal(id, current.Revision + 1, content, previous.Created, modifiedAt, NextChange(vault, id, current.Revision, previous.Sync));
        EnsureNameFree(vault, sealedRecord.NameIndex, id);
        MoveToHistory(vault, current, history!);
        ReplaceRow(vault, current, deleted: false, modifiedAt, sealedRecord.NameIndex, sealedRecord.Summary, sealedRecord.Content);
        SyncOutbox.Touch(vault.Database, id, current.Revision);
        change.Remove(StateOf(current));
        change.Add(new RowState(id, current.Revision + 1, false, NameIndexBlocks.From(sealedRecord.NameIndex)));
        return new Record(id, current.Revision + 1, content,
            DateTimeOffset.FromUnixTimeMilliseconds(previous.Created), DateTimeOffset.FromUnixTimeMilliseconds(modifiedAt));
    }

    /// <summary>Replaces <paramref name="id"/> with a tombstone at the next revision; the last version goes to history.</summary>
    internal static void Remove(UnlockedVault vault, Guid id, long? expectedRevision) => vault.WriteRecords(change =>
    {
        StoredRecord current = LiveRow(vault, id, expectedRevision);
        RecordDocument previous = vault.Codec.OpenDocument(EnvelopeRole.Record, id, current.Revision, RecordReader.ContentOf(current), out byte[]? history, sealHistory: true);
        long removedAt = VaultClock.NowMilliseconds();
        byte[] tombstone = vault.Codec.SealTombstone(id, current.Revision + 1, removedAt, NextChange(vault, id, current.Revision, previous.Sync));
        MoveToHistory(vault, current, history!);
        ReplaceRow(vault, current, deleted: true, removedAt, null, null, tombstone);
        SyncOutbox.Touch(vault.Database, id, current.Revision);
        change.Remove(StateOf(current));
        change.Add(new RowState(id, current.Revision + 1, true, default));
        return 0;
    });

    private static IEnumerable<Guid> ConflictingIds(UnlockedVault vault, RecordContent content) =>
        RecordStore.FindLiveIdByName(vault.Database, vault.Codec.Cipher.NameIndex(content.Name)) is { } id ? [id] : [];

    /// <summary>
    /// Inside a record write: adds <paramref name="content"/> at revision 1 (without <paramref name="checkName"/>,
    /// the unique index alone refuses a taken name). With <paramref name="bulk"/> (an import) the row
    /// goes in through its prepared statements and the caller puts the records in the sync outbox
    /// itself, all at once (<see cref="SyncOutbox.TouchInsertedAfter"/>).
    /// </summary>
    internal static Record Insert(UnlockedVault vault, RecordSetChange change, RecordContent content, bool checkName, RecordBulkInserter? bulk = null)
    {
        NewRecord record = SealNew(vault.Codec, vault.VaultId, content);
        InsertSealed(vault, change, record, checkName, bulk);
        DateTimeOffset at = DateTimeOffset.FromUnixTimeMilliseconds(record.CreatedAt);
        return new Record(record.Id, 1, content, at, at);
    }

    /// <summary>
    /// Seals <paramref name="content"/> as a new record at revision 1 under a fresh id, the current time
    /// and fresh sync metadata, with <paramref name="codec"/> (an import's worker seals with its own).
    /// </summary>
    internal static NewRecord SealNew(RecordCodec codec, Guid vaultId, RecordContent content)
    {
        var id = Guid.NewGuid();
        long now = VaultClock.NowMilliseconds();
        SealedRecord sealedRecord = codec.Seal(id, 1, content, now, now,
            new SyncDocument { Change = Guid.NewGuid(), Parent = null, Author = vaultId, CopyOf = null });
        return new NewRecord(id, now, sealedRecord);
    }

    /// <summary>Inside a record write: inserts a record sealed by <see cref="SealNew"/> (see <see cref="Insert"/>).</summary>
    internal static void InsertSealed(UnlockedVault vault, RecordSetChange change, NewRecord record, bool checkName, RecordBulkInserter? bulk)
    {
        if (checkName)
        {
            EnsureNameFree(vault, record.Sealed.NameIndex, record.Id);
        }

        if (!TryInsertSealed(vault, change, record, bulk))
        {
            throw MSecureErrors.RecordNameConflict(RecordStore.FindLiveIdByName(vault.Database, record.Sealed.NameIndex));
        }
    }

    /// <summary>
    /// <see cref="InsertSealed"/> without a name check first: false, and nothing inserted, when a live
    /// record holds the name (the unique index of live names refuses the row).
    /// </summary>
    internal static bool TryInsertSealed(UnlockedVault vault, RecordSetChange change, NewRecord record, RecordBulkInserter? bulk)
    {
        Guid id = record.Id;
        long now = record.CreatedAt;
        SealedRecord sealedRecord = record.Sealed;
        try
        {
            if (bulk is null)
            {
                RecordStore.Insert(vault.Database, id, 1, deleted: false, now, sealedRecord.NameIndex, sealedRecord.Summary, sealedRecord.Content);
            }
            else
            {
                bulk.Insert(id, 1, now, sealedRecord.NameIndex, sealedRecord.Summary, sealedRecord.Content);
            }
        }
        catch (SqliteException exception) when (SqliteErrorTranslation.IsConstraintViolation(exception))
        {
            return false;
        }

        if (bulk is null)
        {
            SyncOutbox.Touch(vault.Database, id, 0);
        }

        change.Add(new RowState(id, 1, false, NameIndexBlocks.From(sealedRecord.NameIndex)));
        return true;
    }

    /// <summary>The live row of <paramref name="id"/> at the expected revision, checked against rollback.</summary>
    private static StoredRecord LiveRow(UnlockedVault vault, Guid id, long? expectedRevision)
    {
        StoredRecord current = RecordReader.FindRow(vault, id) is { Deleted: false } row ? row : throw MSecureErrors.RecordNotFound(id);
        RecordReader.EnsureNotRolledBack(current);
        if (expectedRevision is { } expected && expected != current.Revision)
        {
            throw MSecureErrors.RecordRevisionConflict(id, expected, current.Revision);
        }

        return current;
    }

    /// <summary>The sync metadata of a new local revision made on <paramref name="revision"/>, whose metadata is <paramref name="parent"/> (null before schema 5).</summary>
    private static SyncDocument NextChange(UnlockedVault vault, Guid id, long revision, SyncDocument? parent) => new()
    {
        Change = Guid.NewGuid(),
        Parent = parent?.Change ?? LegacyChangeIds.Of(id, revision),
        Author = vault.VaultId,
        CopyOf = null,
    };

    /// <summary>A stored row's state exactly as the record-set digest hashed it.</summary>
    private static RowState StateOf(StoredRecord row) => new(row.Id, row.Revision, row.Deleted, NameIndexBlocks.From(row.NameIndex));

    private static void EnsureNameFree(UnlockedVault vault, byte[] nameIndex, Guid id)
    {
        if (RecordStore.FindLiveIdByName(vault.Database, nameIndex) is { } existing && existing != id)
        {
            throw MSecureErrors.RecordNameConflict(existing);
        }
    }

    private static void MoveToHistory(UnlockedVault vault, StoredRecord current, byte[] historyEnvelope)
    {
        try
        {
            HistoryStore.Insert(vault.Database, current.Id, current.Revision, historyEnvelope);
        }
        catch (SqliteException exception) when (SqliteErrorTranslation.IsConstraintViolation(exception))
        {
            // History already holds this revision: the row was rolled back to it.
            throw MSecureErrors.RecordTampered(current.Id, "its revision is already in its history");
        }
    }

    private static void ReplaceRow(UnlockedVault vault, StoredRecord current, bool deleted, long modifiedAt, byte[]? nameIndex, byte[]? summary, byte[] content)
    {
        try
        {
            if (!RecordStore.Replace(vault.Database, current.Id, current.Revision, current.Revision + 1, deleted, modifiedAt, nameIndex, summary, content))
            {
                throw MSecureErrors.RecordRevisionConflict(current.Id, current.Revision, current.Revision + 1);
            }
        }
        catch (SqliteException exception) when (SqliteErrorTranslation.IsConstraintViolation(exception))
        {
            throw MSecureErrors.RecordNameConflict(nameIndex is null ? null : RecordStore.FindLiveIdByName(vault.Database, nameIndex));
        }
    }
}
