using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// The record-set digest: XOR over every row, live and tombstone, of a 16-byte entry, the AES-256
/// CBC-MAC (zero IV) under the record-set key of the fixed-length five-block input
/// vault id ‖ record id ‖ revision (8 bytes, big-endian) ‖ deleted (1 byte) ‖ 7 zero bytes ‖ name index
/// (32 bytes, all zero for a tombstone). The input length never varies, so CBC-MAC is a PRF here.
/// With C0 = E(vault id) computed once, each further block is one batched ECB pass: a chunk of rows
/// costs four ECB calls. Vaults written before name indexes were covered used the first three
/// blocks only (<see cref="RecordSetHasher(AccountKeys, Guid, bool)"/> with legacy set, read when such a
/// vault is upgraded). XOR makes the digest updatable in O(1) per write: toggling a row state out
/// and the next one in. One instance per thread (it reuses one keyed AES and its pinned, wiped work buffers).
/// </summary>
internal sealed class RecordSetHasher : IDisposable
{
    /// <summary>The digest length in bytes.</summary>
    internal const int DigestLength = BlockLength;

    /// <summary>Rows per batch of ECB calls.</summary>
    internal const int ChunkRows = 4096;

    private const int BlockLength = 16;

    private readonly Aes _aes;
    private readonly bool _legacy;
    private readonly byte[] _c0 = GC.AllocateArray<byte>(BlockLength, pinned: true);
    private byte[]? _blocks;
    private byte[]? _encrypted;

    /// <summary>A hasher of the current five-block entries.</summary>
    internal RecordSetHasher(AccountKeys keys, Guid vaultId)
        : this(keys, vaultId, legacy: false)
    {
    }

    /// <summary>A hasher; with <paramref name="legacy"/>, of the three-block entries of schema 2 (no name index).</summary>
    internal RecordSetHasher(AccountKeys keys, Guid vaultId, bool legacy)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _legacy = legacy;
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

    /// <summary>XORs the state of one row into <paramref name="digest"/>.</summary>
    internal void Toggle(Span<byte> digest, RowState row) => ToggleMany(digest, new ReadOnlySpan<RowState>(in row));

    /// <summary>XORs every row state of <paramref name="rows"/> into <paramref name="digest"/>.</summary>
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
                Span<ulong> words = MemoryMarshal.Cast<byte, ulong>(blocks);

                // First block: C0 ⊕ record id, one block per row.
                for (int i = 0; i < chunk.Length; i++)
                {
                    IdEncoding.Write(chunk[i].Id, blocks.Slice(i * BlockLength, BlockLength));
                    words[2 * i] ^= c0[0];
                    words[2 * i + 1] ^= c0[1];
                }

                _aes.EncryptEcb(blocks, encrypted, PaddingMode.None);
                ChainIn(chunk, blocks, encrypted, static (in RowState row, Span<byte> block) =>
                {
                    BinaryPrimitives.WriteInt64BigEndian(block, row.Revision);
                    block[sizeof(long)] = row.Deleted ? (byte)1 : (byte)0;
                    block[(sizeof(long) + 1)..].Clear();
                });
                if (!_legacy)
                {
                    ChainIn(chunk, blocks, encrypted, static (in RowState row, Span<byte> block) => row.NameIndex.WriteFirst(block));
                    ChainIn(chunk, blocks, encrypted, static (in RowState row, Span<byte> block) => row.NameIndex.WriteSecond(block));
                }

                ReadOnlySpan<ulong> entries = MemoryMarshal.Cast<byte, ulong>(encrypted);
                for (int i = 0; i < entries.Length; i += 2)
                {
                    folded[0] ^= entries[i];
                    folded[1] ^= entries[i + 1];
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

    /// <summary>One CBC step for every row: the next input block of each row, XOR the previous output, encrypted.</summary>
    private void ChainIn(ReadOnlySpan<RowState> chunk, Span<byte> blocks, Span<byte> encrypted, BlockWriter write)
    {
        for (int i = 0; i < chunk.Length; i++)
        {
            write(chunk[i], blocks.Slice(i * BlockLength, BlockLength));
        }

        Span<ulong> words = MemoryMarshal.Cast<byte, ulong>(blocks);
        ReadOnlySpan<ulong> chained = MemoryMarshal.Cast<byte, ulong>(encrypted);
        for (int i = 0; i < words.Length; i++)
        {
            words[i] ^= chained[i];
        }

        _aes.EncryptEcb(blocks, encrypted, PaddingMode.None);
    }

    private void Wipe()
    {
        CryptographicOperations.ZeroMemory(_blocks);
        CryptographicOperations.ZeroMemory(_encrypted);
    }

    private delegate void BlockWriter(in RowState row, Span<byte> block);
}

/// <summary>The digest being updated by one write transaction.</summary>
internal sealed class RecordSetChange : IDisposable
{
    private readonly RecordSetHasher _hasher;
    private readonly byte[] _digest;
    private readonly List<RowState> _pending = [];
    private readonly HashSet<Guid> _written = [];

    private readonly bool _trackWritten;

    /// <param name="keys">The account keys.</param>
    /// <param name="vaultId">The vault id.</param>
    /// <param name="startDigest">The digest before the change.</param>
    /// <param name="trackWritten">Whether to remember the records written (for their access grants); without access keys, nothing needs them, and a large import keeps no per-row list.</param>
    internal RecordSetChange(AccountKeys keys, Guid vaultId, byte[] startDigest, bool trackWritten = true)
    {
        _hasher = new RecordSetHasher(keys, vaultId);
        _digest = (byte[])startDigest.Clone();
        _trackWritten = trackWritten;
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
    internal void Remove(RowState row) => Pend(row);

    /// <summary>A row state joins the set.</summary>
    internal void Add(RowState row)
    {
        Pend(row);
        if (_trackWritten)
        {
            _written.Add(row.Id);
        }
    }

    /// <summary>The records this change wrote a new row state of (their access grants are refreshed in the same transaction); empty unless tracked.</summary>
    internal IReadOnlyCollection<Guid> WrittenRecords => _written;

    /// <summary>Frees the AES key schedule and wipes its buffers.</summary>
    public void Dispose() => _hasher.Dispose();

    /// <summary>Queues a toggle; a full chunk is applied at once, so a transaction writing many rows (an import) holds one chunk, not every row.</summary>
    private void Pend(RowState row)
    {
        _pending.Add(row);
        if (_pending.Count >= RecordSetHasher.ChunkRows)
        {
            _hasher.ToggleMany(_digest, CollectionsMarshal.AsSpan(_pending));
            _pending.Clear();
        }
    }
}
