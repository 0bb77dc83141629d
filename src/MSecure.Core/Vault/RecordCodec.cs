using System;
using System.Security.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Records.Serialization;

namespace MSecure.Core.Vault;

/// <summary>
/// Turns record content into envelopes and back: JSON in a pinned buffer that is wiped after
/// every use, sealed or opened by the <see cref="RecordCipher"/>. Not thread-safe.
/// </summary>
internal sealed class RecordCodec : IDisposable
{
    private readonly PinnedBufferWriter _buffer = new(4096);

    internal RecordCodec(RecordCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        Cipher = cipher;
    }

    /// <summary>The cipher, owned by this codec.</summary>
    internal RecordCipher Cipher { get; }

    /// <summary>Seals a live revision: name index, summary envelope and full envelope.</summary>
    internal SealedRecord Seal(Guid id, long revision, RecordContent content, long createdAt, long modifiedAt, SyncDocument? sync)
    {
        try
        {
            RecordSerializer.WriteSummary(content, modifiedAt, _buffer);
            byte[] summary = Cipher.Seal(EnvelopeRole.Summary, id, revision, _buffer.WrittenSpan);
            RecordSerializer.WriteRecord(content, createdAt, modifiedAt, sync, _buffer);
            byte[] full = Cipher.Seal(EnvelopeRole.Record, id, revision, _buffer.WrittenSpan);
            return new SealedRecord(Cipher.NameIndex(content.Name), summary, full);
        }
        finally
        {
            _buffer.Clear();
        }
    }

    /// <summary>Seals the tombstone of a removed record at <paramref name="revision"/>.</summary>
    internal byte[] SealTombstone(Guid id, long revision, long removedAt, SyncDocument? sync)
    {
        try
        {
            RecordSerializer.WriteTombstone(id, removedAt, sync, _buffer);
            return Cipher.Seal(EnvelopeRole.Record, id, revision, _buffer.WrittenSpan);
        }
        finally
        {
            _buffer.Clear();
        }
    }

    /// <summary>Opens a full record (current, <see cref="EnvelopeRole.Record"/>, or earlier, <see cref="EnvelopeRole.History"/>).</summary>
    /// <exception cref="MSecureException">RecordTampered.</exception>
    internal Record OpenRecord(EnvelopeRole role, Guid id, long revision, byte[] envelope) =>
        ToRecord(id, revision, OpenDocument(role, id, revision, envelope, out _));

    /// <summary>
    /// Opens a history entry: the record of that revision, or null for a tombstone of this record
    /// (a removal that sync followed with another revision, e.g. an edit that won against it).
    /// </summary>
    /// <exception cref="MSecureException">RecordTampered.</exception>
    internal Record? OpenHistoryEntry(Guid id, long revision, byte[] envelope)
    {
        byte[] plaintext = Cipher.Open(EnvelopeRole.History, id, revision, envelope);
        try
        {
            if (RecordSerializer.ReadRecord(plaintext) is { } document)
            {
                return ToRecord(id, revision, document);
            }

            return RecordSerializer.ReadTombstone(plaintext) is { } tombstone && tombstone.Id == id ? null : throw Unreadable(id);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>
    /// Opens a full record's document; with <paramref name="historyEnvelope"/> also re-seals
    /// the same bytes as the history entry of that revision (for an update or removal).
    /// </summary>
    internal RecordDocument OpenDocument(EnvelopeRole role, Guid id, long revision, byte[] envelope, out byte[]? historyEnvelope, bool sealHistory = false)
    {
        byte[] plaintext = Cipher.Open(role, id, revision, envelope);
        try
        {
            RecordDocument document = RecordSerializer.ReadRecord(plaintext) ?? throw Unreadable(id);
            historyEnvelope = sealHistory ? Cipher.Seal(EnvelopeRole.History, id, revision, plaintext) : null;
            return document;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Opens a current summary envelope.</summary>
    /// <exception cref="MSecureException">RecordTampered.</exception>
    internal RecordSummary OpenSummary(Guid id, long revision, byte[] envelope)
    {
        byte[] plaintext = Cipher.Open(EnvelopeRole.Summary, id, revision, envelope);
        try
        {
            SummaryDocument document = RecordSerializer.ReadSummary(plaintext) ?? throw Unreadable(id);
            return new RecordSummary(id, revision, document.Name ?? throw Unreadable(id), document.Template, RecordSerializer.TagsOf(document.Tags),
                document.Favorite, DateTimeOffset.FromUnixTimeMilliseconds(document.Modified));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Checks that a tombstone opens and names its own record.</summary>
    internal void VerifyTombstone(Guid id, long revision, byte[] envelope)
    {
        byte[] plaintext = Cipher.Open(EnvelopeRole.Record, id, revision, envelope);
        try
        {
            if (RecordSerializer.ReadTombstone(plaintext) is not { } tombstone || tombstone.Id != id)
            {
                throw Unreadable(id);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The record a document holds.</summary>
    internal static Record ToRecord(Guid id, long revision, RecordDocument document) =>
        new(id, revision, RecordSerializer.ToContent(document),
            DateTimeOffset.FromUnixTimeMilliseconds(document.Created),
            DateTimeOffset.FromUnixTimeMilliseconds(document.Modified));

    /// <summary>An envelope that authenticated but holds no record this version can read.</summary>
    internal static MSecureException Unreadable(Guid id) =>
        MSecureErrors.RecordTampered(id, "its content is not a record this version of MSecure can read");

    /// <summary>Wipes the buffer and disposes the cipher (wiping the keys).</summary>
    public void Dispose()
    {
        _buffer.Dispose();
        Cipher.Dispose();
    }
}
