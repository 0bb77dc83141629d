using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using MSecure.Core.Errors;
using MSecure.Core.Records.Serialization;
using MSecure.Core.Storage;
using MSecure.Core.Vault;

namespace MSecure.Core.Sync;

/// <summary>
/// A record's chain of revisions in the local vault, read and written inside one
/// <see cref="UnlockedVault.WriteRecords{T}"/> transaction: every row state replaced is toggled out
/// of the record-set digest and the new one in, and the history stays exactly revisions 1 to r − 1,
/// so the sealed state and <see cref="VaultIntegrityCheck"/> hold after any sync.
/// </summary>
internal sealed class LocalChain : IDisposable
{
    private readonly UnlockedVault _vault;
    private readonly RecordSetChange? _change;
    private readonly PinnedBufferWriter _buffer = new(4096);
    private RecordDocument? _lastIndexed;
    private byte[]? _lastIndex;

    /// <summary>Chains of <paramref name="vault"/>; <paramref name="change"/> is the write's digest change (null for reading only).</summary>
    internal LocalChain(UnlockedVault vault, RecordSetChange? change)
    {
        _vault = vault;
        _change = change;
    }

    /// <summary>The vault's connection (inside the caller's transaction).</summary>
    internal VaultDatabase Database => _vault.Database;

    /// <summary>This device: the author of the revisions it writes.</summary>
    internal Guid Author => _vault.VaultId;

    /// <summary>A buffer for re-serialising revisions (wiped after each use by its users).</summary>
    internal PinnedBufferWriter Buffer => _buffer;

    /// <summary>The current row of <paramref name="id"/>, or null; checked against rollback.</summary>
    internal StoredRecord? Head(Guid id)
    {
        StoredRecord? row = RecordStore.Find(_vault.Database, id);
        if (row is not null)
        {
            RecordReader.EnsureNotRolledBack(row);
        }

        return row;
    }

    /// <summary>Revision <paramref name="revision"/> (1 to the head's) of the record whose current row is <paramref name="head"/>.</summary>
    /// <exception cref="MSecureException">RecordTampered when it is missing or does not open.</exception>
    internal RevisionText Read(StoredRecord head, long revision)
    {
        if (revision == head.Revision)
        {
            return Open(head.Id, revision, head.Deleted, EnvelopeRole.Record, RecordReader.ContentOf(head));
        }

        byte[] envelope = HistoryStore.ReadOne(_vault.Database, head.Id, revision)
            ?? throw MSecureErrors.RecordTampered(head.Id, "its history is incomplete");
        // A history entry is a tombstone only when a removal was followed by another revision (sync).
        return Open(head.Id, revision, deleted: null, EnvelopeRole.History, envelope);
    }

    /// <summary>Revisions <paramref name="from"/> to the head's, oldest first; the caller disposes them.</summary>
    internal List<RevisionText> ReadFrom(StoredRecord head, long from)
    {
        var texts = new List<RevisionText>();
        for (long revision = from; revision <= head.Revision; revision++)
        {
            texts.Add(Read(head, revision));
        }

        return texts;
    }

    /// <summary>
    /// Makes <paramref name="revisions"/> the record's revisions from <paramref name="from"/> on
    /// (the last one current): a new record when <paramref name="head"/> is null (then
    /// <paramref name="from"/> is 1), an append when <paramref name="from"/> is the head's revision + 1,
    /// else a replacement of the revisions from <paramref name="from"/> on.
    /// </summary>
    internal void Write(Guid id, StoredRecord? head, long from, IReadOnlyList<RevisionText> revisions)
    {
        if (revisions.Count == 0 || from < 1 || from > (head?.Revision ?? 0) + 1)
        {
            throw new ArgumentException("The revisions must continue or replace the chain.", nameof(revisions));
        }

        if (head is not null)
        {
            if (from == head.Revision + 1)
            {
                MoveCurrentToHistory(head);
            }
            else
            {
                HistoryStore.DeleteFrom(_vault.Database, id, from);
            }
        }

        // The row first: history rows reference it.
        WriteCurrent(id, head, from + revisions.Count - 1, revisions[^1]);
        for (int i = 0; i < revisions.Count - 1; i++)
        {
            HistoryStore.Insert(_vault.Database, id, from + i, _vault.Codec.Cipher.Seal(EnvelopeRole.History, id, from + i, revisions[i].Json));
        }
    }

    /// <summary>The live record other than <paramref name="id"/> whose name is <paramref name="current"/>'s, or null.</summary>
    internal Guid? NameTakenBy(Guid id, RevisionText current)
    {
        if (current.Record is not { } record)
        {
            return null;
        }

        Guid? other = RecordStore.FindLiveIdByName(_vault.Database, NameIndexOf(record));
        return other == id ? null : other;
    }

    /// <summary>Wipes the buffer.</summary>
    public void Dispose() => _buffer.Dispose();

    private void WriteCurrent(Guid id, StoredRecord? head, long revision, RevisionText text)
    {
        byte[]? nameIndex = null, summary = null;
        if (text.Record is { } record)
        {
            nameIndex = NameIndexOf(record);
            try
            {
                RecordSerializer.WriteSummary(record, _buffer);
                summary = _vault.Codec.Cipher.Seal(EnvelopeRole.Summary, id, revision, _buffer.WrittenSpan);
            }
            finally
            {
                _buffer.Clear();
            }
        }

        byte[] content = _vault.Codec.Cipher.Seal(EnvelopeRole.Record, id, revision, text.Json);
        try
        {
            if (head is null)
            {
                RecordStore.Insert(_vault.Database, id, revision, text.Deleted, text.Modified, nameIndex, summary, content);
            }
            else if (!RecordStore.Replace(_vault.Database, id, head.Revision, revision, text.Deleted, text.Modified, nameIndex, summary, content))
            {
                throw MSecureErrors.RecordRevisionConflict(id, head.Revision, revision);
            }
        }
        catch (SqliteException exception) when (SqliteErrorTranslation.IsConstraintViolation(exception))
        {
            throw MSecureErrors.RecordNameConflict(nameIndex is null ? null : RecordStore.FindLiveIdByName(_vault.Database, nameIndex));
        }

        if (head is not null)
        {
            _change?.Remove(new RowState(head.Id, head.Revision, head.Deleted, NameIndexBlocks.From(head.NameIndex)));
        }

        _change?.Add(new RowState(id, revision, text.Deleted, NameIndexBlocks.From(nameIndex)));
    }

    /// <summary>The blind index of a document's name, computed once per document (a collision check and the write both need it).</summary>
    private byte[] NameIndexOf(RecordDocument record)
    {
        if (_lastIndexed != record)
        {
            _lastIndex = _vault.Codec.Cipher.NameIndex(record.Name!);
            _lastIndexed = record;
        }

        return _lastIndex!;
    }

    private void MoveCurrentToHistory(StoredRecord head)
    {
        byte[] plaintext = _vault.Codec.Cipher.Open(EnvelopeRole.Record, head.Id, head.Revision, RecordReader.ContentOf(head));
        try
        {
            HistoryStore.Insert(_vault.Database, head.Id, head.Revision, _vault.Codec.Cipher.Seal(EnvelopeRole.History, head.Id, head.Revision, plaintext));
        }
        catch (SqliteException exception) when (SqliteErrorTranslation.IsConstraintViolation(exception))
        {
            throw MSecureErrors.RecordTampered(head.Id, "its revision is already in its history");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private RevisionText Open(Guid id, long revision, bool? deleted, EnvelopeRole role, byte[] envelope)
    {
        byte[] json = _vault.Codec.Cipher.Open(role, id, revision, envelope);
        bool isTombstone = deleted ?? RecordSerializer.ReadTombstone(json) is not null;
        return RevisionText.Parse(id, revision, isTombstone, json) ?? throw RecordCodec.Unreadable(id);
    }
}
