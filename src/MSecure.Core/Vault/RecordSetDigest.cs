using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Vault;

/// <summary>
/// The record-set digest: XOR over every row, live and tombstone, of
/// HMAC-SHA256(record-set key, vault id ‖ record id ‖ revision (8 bytes, big-endian) ‖ deleted (1 byte)).
/// XOR makes it updatable in O(1) per write: toggling a row state out and the next one in.
/// One instance per thread (it reuses one keyed HMAC).
/// </summary>
internal sealed class RecordSetHasher : IDisposable
{
    /// <summary>The digest length in bytes.</summary>
    internal const int DigestLength = 32;

    private const int InputLength = IdEncoding.Length + IdEncoding.Length + sizeof(long) + 1;

    private readonly IncrementalHash _hmac;
    private readonly byte[] _input = new byte[InputLength];
    private readonly byte[] _mac = new byte[DigestLength];

    internal RecordSetHasher(AccountKeys keys, Guid vaultId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keys.RecordSet.Bytes);
        IdEncoding.Write(vaultId, _input);
    }

    /// <summary>XORs the row state (<paramref name="id"/>, <paramref name="revision"/>, <paramref name="deleted"/>) into <paramref name="digest"/>.</summary>
    internal void Toggle(Span<byte> digest, Guid id, long revision, bool deleted)
    {
        IdEncoding.Write(id, _input.AsSpan(IdEncoding.Length));
        BinaryPrimitives.WriteInt64BigEndian(_input.AsSpan(2 * IdEncoding.Length), revision);
        _input[InputLength - 1] = deleted ? (byte)1 : (byte)0;
        _hmac.AppendData(_input);
        _hmac.GetHashAndReset(_mac);
        Xor(digest, _mac);
    }

    /// <summary>XORs <paramref name="other"/> into <paramref name="digest"/>.</summary>
    internal static void Xor(Span<byte> digest, ReadOnlySpan<byte> other)
    {
        Span<ulong> target = MemoryMarshal.Cast<byte, ulong>(digest[..DigestLength]);
        ReadOnlySpan<ulong> source = MemoryMarshal.Cast<byte, ulong>(other[..DigestLength]);
        for (int i = 0; i < target.Length; i++)
        {
            target[i] ^= source[i];
        }
    }

    /// <summary>Frees the HMAC and wipes the last input.</summary>
    public void Dispose()
    {
        _hmac.Dispose();
        CryptographicOperations.ZeroMemory(_mac);
    }
}

/// <summary>What the anchor in meta holds: the vault revision (one more per write) and the record-set digest.</summary>
/// <param name="Revision">Incremented by every write transaction that touches records.</param>
/// <param name="Digest">The record-set digest, 32 bytes.</param>
internal sealed record RecordSetState(long Revision, byte[] Digest)
{
    /// <summary>The plaintext length of the anchor envelope.</summary>
    internal const int PlaintextLength = sizeof(long) + RecordSetHasher.DigestLength;

    /// <summary>The purpose label of the anchor envelope's associated data (with the vault id).</summary>
    internal const string Purpose = "msecure/v1/record-set";

    /// <summary>Whether <paramref name="digest"/> equals this state's digest (constant time).</summary>
    internal bool Matches(ReadOnlySpan<byte> digest) => CryptographicOperations.FixedTimeEquals(Digest, digest);

    /// <summary>Seals the anchor under the record-encryption key, bound to the vault id.</summary>
    internal byte[] Seal(AccountKeys keys, Guid vaultId)
    {
        Span<byte> plaintext = stackalloc byte[PlaintextLength];
        BinaryPrimitives.WriteInt64BigEndian(plaintext, Revision);
        Digest.CopyTo(plaintext[sizeof(long)..]);
        return Envelope.Seal(keys.RecordEncryption, AssociatedDataOf(vaultId), plaintext);
    }

    /// <summary>Opens a stored anchor; VaultTampered when it does not authenticate or is malformed.</summary>
    internal static RecordSetState Open(AccountKeys keys, Guid vaultId, byte[] envelope, string path)
    {
        byte[] plaintext;
        try
        {
            plaintext = Envelope.Open(keys.RecordEncryption, AssociatedDataOf(vaultId), envelope);
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.EnvelopeAuthenticationFailed
            or MSecureErrorCode.EnvelopeTruncated or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            throw MSecureErrors.VaultTampered(path, "its record-set anchor does not authenticate");
        }

        if (plaintext.Length != PlaintextLength)
        {
            throw MSecureErrors.VaultTampered(path, "its record-set anchor is malformed");
        }

        return new RecordSetState(BinaryPrimitives.ReadInt64BigEndian(plaintext), plaintext[sizeof(long)..]);
    }

    private static byte[] AssociatedDataOf(Guid vaultId) => new AssociatedDataBuilder(Purpose).AddId(vaultId).ToArray();
}

/// <summary>The digest being updated by one write transaction.</summary>
internal sealed class RecordSetChange : IDisposable
{
    private readonly RecordSetHasher _hasher;
    private readonly byte[] _digest;

    internal RecordSetChange(AccountKeys keys, Guid vaultId, byte[] startDigest)
    {
        _hasher = new RecordSetHasher(keys, vaultId);
        _digest = (byte[])startDigest.Clone();
    }

    /// <summary>The digest after the toggles so far.</summary>
    internal ReadOnlySpan<byte> Digest => _digest;

    /// <summary>A row state leaves the set (the row is replaced).</summary>
    internal void Remove(Guid id, long revision, bool deleted) => _hasher.Toggle(_digest, id, revision, deleted);

    /// <summary>A row state joins the set.</summary>
    internal void Add(Guid id, long revision, bool deleted) => _hasher.Toggle(_digest, id, revision, deleted);

    /// <summary>Frees the HMAC.</summary>
    public void Dispose() => _hasher.Dispose();
}
