using System;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Records;

namespace MSecure.Core.Vault;

/// <summary>
/// Seals and opens record envelopes under the record-encryption key with one reused AES-GCM
/// instance (creating one per envelope costs more than the encryption), and computes blind name
/// indexes with one reused HMAC (a one-shot HMAC looks up and sets up the algorithm each time).
/// Owns the session's <see cref="AccountKeys"/>. Not thread-safe; parallel readers take their own
/// instance from <see cref="CreateWorkerCipher"/>.
/// </summary>
internal sealed class RecordCipher : IDisposable
{
    private readonly AesGcm _aes;
    private IncrementalHash? _nameIndex;

    /// <summary>False for a worker's cipher: the keys belong to the cipher it was made from.</summary>
    private readonly bool _ownsKeys;

    internal RecordCipher(AccountKeys keys, Guid vaultId)
        : this(keys, vaultId, ownsKeys: true)
    {
    }

    private RecordCipher(AccountKeys keys, Guid vaultId, bool ownsKeys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = keys;
        VaultId = vaultId;
        _ownsKeys = ownsKeys;
        _aes = Envelope.CreateCipher(keys.RecordEncryption);
    }

    /// <summary>The derived keys, owned and wiped by this cipher.</summary>
    internal AccountKeys Keys { get; }

    /// <summary>The vault id bound into every envelope.</summary>
    internal Guid VaultId { get; }

    /// <summary>A separate AES-GCM instance for another thread; the caller disposes it.</summary>
    internal AesGcm CreateWorkerCipher() => Envelope.CreateCipher(Keys.RecordEncryption);

    /// <summary>
    /// A cipher for one other thread: its own AES-GCM and HMAC instances over the same keys (which
    /// are only read). Its Dispose frees that instance and leaves the keys;
    /// the caller disposes it before this cipher.
    /// </summary>
    internal RecordCipher CreateWorker() => new(Keys, VaultId, ownsKeys: false);

    /// <summary>Seals <paramref name="plaintext"/> as the <paramref name="role"/> envelope of a record revision.</summary>
    internal byte[] Seal(EnvelopeRole role, Guid recordId, long revision, ReadOnlySpan<byte> plaintext)
    {
        Span<byte> associatedData = stackalloc byte[RecordAssociatedData.MaximumLength];
        int length = RecordAssociatedData.Write(role, VaultId, recordId, revision, associatedData);
        byte[] envelope = new byte[Envelope.GetSealedLength(plaintext.Length)];
        Envelope.Seal(_aes, associatedData[..length], plaintext, envelope);
        return envelope;
    }

    /// <summary>Opens an envelope into a new pinned array the caller wipes.</summary>
    /// <exception cref="MSecureException">RecordTampered, naming the record id.</exception>
    internal byte[] Open(EnvelopeRole role, Guid recordId, long revision, ReadOnlySpan<byte> envelope)
    {
        if (envelope.Length < Envelope.Overhead)
        {
            throw Tampered(role, recordId, null);
        }

        byte[] plaintext = GC.AllocateArray<byte>(envelope.Length - Envelope.Overhead, pinned: true);
        Open(_aes, role, recordId, revision, envelope, plaintext);
        return plaintext;
    }

    /// <summary>Opens an envelope with <paramref name="aes"/> into <paramref name="plaintext"/>; returns the length.</summary>
    /// <exception cref="MSecureException">RecordTampered, naming the record id.</exception>
    internal int Open(AesGcm aes, EnvelopeRole role, Guid recordId, long revision, ReadOnlySpan<byte> envelope, Span<byte> plaintext)
    {
        Span<byte> associatedData = stackalloc byte[RecordAssociatedData.MaximumLength];
        int length = RecordAssociatedData.Write(role, VaultId, recordId, revision, associatedData);
        try
        {
            return Envelope.Open(aes, associatedData[..length], envelope, plaintext);
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.EnvelopeAuthenticationFailed
            or MSecureErrorCode.EnvelopeTruncated or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            throw Tampered(role, recordId, exception);
        }
    }

    /// <summary>
    /// The blind index of a name: HMAC-SHA256(name-index key, UTF-8(NFKC(name) in invariant
    /// lower case)). Equal for names that differ only in case or Unicode compatibility form.
    /// </summary>
    internal byte[] NameIndex(string name)
    {
        byte[] normalized = StrictUtf8.Encoding.GetBytes(RecordNames.Normalize(name));
        try
        {
            _nameIndex ??= IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Keys.NameIndex.Bytes);
            _nameIndex.AppendData(normalized);
            return _nameIndex.GetHashAndReset();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(normalized);
        }
    }

    /// <summary>Frees the AES-GCM and HMAC instances and wipes every derived key (a worker's cipher: the instances only).</summary>
    public void Dispose()
    {
        _aes.Dispose();
        _nameIndex?.Dispose();
        if (_ownsKeys)
        {
            Keys.Dispose();
        }
    }

    private static MSecureException Tampered(EnvelopeRole role, Guid recordId, Exception? inner) =>
        MSecureErrors.RecordTampered(recordId, role switch
        {
            EnvelopeRole.Summary => "summary envelope",
            EnvelopeRole.History => "history entry",
            _ => "record envelope",
        }, inner);
}
