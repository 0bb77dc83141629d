using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// The record-set digest: XOR over every row, live and tombstone, of a 16-byte entry, the AES-256
/// CBC-MAC (zero IV) under the record-set key of the fixed-length three-block input
/// vault id ‖ record id ‖ revision (8 bytes, big-endian) ‖ deleted (1 byte) ‖ 7 zero bytes.
/// The input length never varies, so CBC-MAC is a PRF here. With C0 = E(vault id) computed once,
/// entry = E(E(C0 ⊕ record id) ⊕ (revision ‖ deleted ‖ 0⁷)): a batch of rows costs two ECB calls.
/// XOR makes the digest updatable in O(1) per write: toggling a row state out and the next one in.
/// One instance per thread (it reuses one keyed AES and its pinned, wiped work buffers).
/// </summary>
internal sealed class RecordSetHasher : IDisposable
{
    /// <summary>The digest length in bytes.</summary>
    internal const int DigestLength = BlockLength;

    /// <summary>Rows per pair of ECB calls.</summary>
    internal const int ChunkRows = 4096;

    private const int BlockLength = 16;

    private readonly Aes _aes;
    private readonly byte[] _c0 = GC.AllocateArray<byte>(BlockLength, pinned: true);
    private byte[]? _blocks;
    private byte[]? _encrypted;

    internal RecordSetHasher(AccountKeys keys, Guid vaultId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _aes = Aes.Create();
        byte[] key = GC.AllocateArray<byte>(keys.RecordSet.Bytes.Length, pinned: true);
        try
        {
            keys.RecordSet.Bytes.CopyTo(key);
            _aes.Key = key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        IdEncoding.Write(vaultId, _c0);
        _aes.EncryptEcb(_c0.AsSpan(), _c0, PaddingMode.None);
    }

    /// <summary>XORs the row state (<paramref name="id"/>, <paramref name="revision"/>, <paramref name="deleted"/>) into <paramref name="digest"/>.</summary>
    internal void Toggle(Span<byte> digest, Guid id, long revision, bool deleted)
    {
        var row = new RowState(id, revision, deleted);
        ToggleMany(digest, new ReadOnlySpan<RowState>(in row));
    }

    /// <summary>XORs every row state of <paramref name="rows"/> into <paramref name="digest"/>: two ECB calls per <see cref="ChunkRows"/> rows.</summary>
    internal void ToggleMany(Span<byte> digest, ReadOnlySpan<RowState> rows)
    {
        if (digest.Length < DigestLength)
        {
            throw new ArgumentException("The digest must hold 16 bytes.", nameof(digest));
        }

        if (rows.IsEmpty)
        {
            return;
        }

        int capacity = Math.Min(rows.Length, ChunkRows) * BlockLength;
        if (_blocks is null || _blocks.Length < capacity)
        {
            Wipe();
            _blocks = GC.AllocateArray<byte>(capacity, pinned: true);
            _encrypted = GC.AllocateArray<byte>(capacity, pinned: true);
        }

        ReadOnlySpan<ulong> c0 = MemoryMarshal.Cast<byte, ulong>(_c0);
        Span<ulong> folded = MemoryMarshal.Cast<byte, ulong>(digest[..DigestLength]);
        try
        {
            for (int start = 0; start < rows.Length; start += ChunkRows)
            {
                ReadOnlySpan<RowState> chunk = rows.Slice(start, Math.Min(ChunkRows, rows.Length - start));
                int length = chunk.Length * BlockLength;
                Span<byte> blocks = _blocks.AsSpan(0, length);
                Span<byte> encrypted = _encrypted.AsSpan(0, length);

                // First pass: C0 ⊕ record id, one block per row.
                Span<ulong> words = MemoryMarshal.Cast<byte, ulong>(blocks);
                for (int i = 0; i < chunk.Length; i++)
                {
                    IdEncoding.Write(chunk[i].Id, blocks.Slice(i * BlockLength, BlockLength));
                    words[2 * i] ^= c0[0];
                    words[2 * i + 1] ^= c0[1];
                }

                _aes.EncryptEcb(blocks, encrypted, PaddingMode.None);

                // Second pass: chain in revision ‖ deleted ‖ 0⁷.
                for (int i = 0; i < chunk.Length; i++)
                {
                    Span<byte> block = blocks.Slice(i * BlockLength, BlockLength);
                    BinaryPrimitives.WriteInt64BigEndian(block, chunk[i].Revision);
                    words[2 * i + 1] = 0;
                    block[sizeof(long)] = chunk[i].Deleted ? (byte)1 : (byte)0;
                }

                Span<ulong> chained = MemoryMarshal.Cast<byte, ulong>(encrypted);
                for (int i = 0; i < words.Length; i++)
                {
                    words[i] ^= chained[i];
                }

                _aes.EncryptEcb(blocks, encrypted, PaddingMode.None);
                for (int i = 0; i < chained.Length; i += 2)
                {
                    folded[0] ^= chained[i];
                    folded[1] ^= chained[i + 1];
                }
            }
        }
        finally
        {
            Wipe();
        }
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

    /// <summary>Frees the AES key schedule and wipes C0 and the work buffers.</summary>
    public void Dispose()
    {
        _aes.Dispose();
        CryptographicOperations.ZeroMemory(_c0);
        Wipe();
    }

    private void Wipe()
    {
        CryptographicOperations.ZeroMemory(_blocks);
        CryptographicOperations.ZeroMemory(_encrypted);
    }
}

/// <summary>What the anchor in meta holds: the vault revision (one more per write) and the record-set digest.</summary>
/// <param name="Revision">Incremented by every write transaction that touches records.</param>
/// <param name="Digest">The record-set digest, 16 bytes.</param>
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
    private readonly List<RowState> _pending = [];

    internal RecordSetChange(AccountKeys keys, Guid vaultId, byte[] startDigest)
    {
        _hasher = new RecordSetHasher(keys, vaultId);
        _digest = (byte[])startDigest.Clone();
    }

    /// <summary>The digest after the toggles so far (pending toggles are applied in batches: XOR is order-free).</summary>
    internal ReadOnlySpan<byte> Digest
    {
        get
        {
            _hasher.ToggleMany(_digest, CollectionsMarshal.AsSpan(_pending));
            _pending.Clear();
            return _digest;
        }
    }

    /// <summary>A row state leaves the set (the row is replaced).</summary>
    internal void Remove(Guid id, long revision, bool deleted) => _pending.Add(new RowState(id, revision, deleted));

    /// <summary>A row state joins the set.</summary>
    internal void Add(Guid id, long revision, bool deleted) => _pending.Add(new RowState(id, revision, deleted));

    /// <summary>Frees the AES key schedule and wipes its buffers.</summary>
    public void Dispose() => _hasher.Dispose();
}
