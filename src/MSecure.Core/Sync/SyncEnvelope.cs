using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Sync;

/// <summary>
/// The envelope a change travels in (server and folder alike): AES-256-GCM under the record
/// key, associated data ("msecure/v1/sync-change", account id, record id, change id), plaintext
/// exactly the revision's record JSON with its sync metadata. Bound to the account, not the vault:
/// every device of the account has its own vault id. Not thread-safe.
/// </summary>
internal sealed class SyncEnvelope : IDisposable
{
    /// <summary>The purpose label.</summary>
    internal const string Purpose = "msecure/v1/sync-change";

    private const int AssociatedDataLength = 4 + 22 + 3 * (4 + IdEncoding.Length);

    private readonly AesGcm _aes;
    private readonly Guid _accountId;

    /// <summary>Envelopes of account <paramref name="accountId"/> under <paramref name="recordKey"/>; <paramref name="source"/> names the server or folder in errors.</summary>
    internal SyncEnvelope(SecretKey recordKey, Guid accountId, string source)
    {
        _aes = Envelope.CreateCipher(recordKey);
        _accountId = accountId;
        Source = source;
    }

    /// <summary>The server address or folder path, for errors.</summary>
    internal string Source { get; }

    /// <summary>Seals a revision's JSON (which must hold its sync metadata) as change <paramref name="changeId"/> of <paramref name="recordId"/>.</summary>
    internal byte[] Seal(Guid recordId, Guid changeId, ReadOnlySpan<byte> json)
    {
        Span<byte> associatedData = stackalloc byte[AssociatedDataLength];
        WriteAssociatedData(recordId, changeId, associatedData);
        byte[] envelope = new byte[Envelope.GetSealedLength(json.Length)];
        Envelope.Seal(_aes, associatedData, json, envelope);
        return envelope;
    }

    /// <summary>
    /// Opens change <paramref name="changeId"/> of <paramref name="recordId"/> and checks it: it
    /// authenticates (so it is this account's, of this record, with this change id), its JSON is a
    /// record or a tombstone with sync metadata, its metadata names the same change, it is a
    /// tombstone exactly when <paramref name="deleted"/>, and a tombstone names its own record.
    /// </summary>
    /// <exception cref="MSecureException">SyncTampered.</exception>
    internal RevisionText Open(Guid recordId, Guid changeId, bool deleted, ReadOnlySpan<byte> envelope)
    {
        if (envelope.Length < Envelope.Overhead)
        {
            throw Tampered(recordId, "its envelope is truncated.");
        }

        Span<byte> associatedData = stackalloc byte[AssociatedDataLength];
        WriteAssociatedData(recordId, changeId, associatedData);
        byte[] json = GC.AllocateArray<byte>(Envelope.GetPlaintextLength(envelope.Length), pinned: true);
        try
        {
            Envelope.Open(_aes, associatedData, envelope, json);
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.EnvelopeAuthenticationFailed or MSecureErrorCode.EnvelopeTruncated
            or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            throw Tampered(recordId, "a change does not authenticate as this account's change of this record (tampered, swapped or another account's).");
        }

        RevisionText text = RevisionText.ParseSynced(recordId, deleted, json)
            ?? throw Tampered(recordId, deleted ? "a removal is not a tombstone of this record." : "a change is not a record this version can read.");
        if (text.Change != changeId)
        {
            text.Dispose();
            throw Tampered(recordId, "a change's content names another change id.");
        }

        return text;
    }

    /// <summary>A SyncTampered error about record <paramref name="recordId"/>.</summary>
    internal MSecureException Tampered(Guid recordId, string reason) =>
        MSecureErrors.SyncTampered(Source, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"record {recordId}: {reason}"));

    /// <summary>Wipes the cipher's key schedule.</summary>
    public void Dispose() => _aes.Dispose();

    /// <summary>AssociatedDataBuilder's encoding of (label, account id, record id, change id), written in place.</summary>
    private void WriteAssociatedData(Guid recordId, Guid changeId, Span<byte> destination)
    {
        ReadOnlySpan<byte> label = "msecure/v1/sync-change"u8;
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)label.Length);
        label.CopyTo(destination[4..]);
        int offset = 4 + label.Length;
        foreach (Guid id in (ReadOnlySpan<Guid>)[_accountId, recordId, changeId])
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], IdEncoding.Length);
            IdEncoding.Write(id, destination[(offset + 4)..]);
            offset += 4 + IdEncoding.Length;
        }
    }
}
