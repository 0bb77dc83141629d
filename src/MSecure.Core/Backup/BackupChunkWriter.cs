using System;
using System.Buffers.Binary;
using System.IO;
using System.Security.Cryptography;

namespace MSecure.Core.Backup;

/// <summary>
/// Encrypts the backup payload as it is written: fills a pinned chunk buffer, seals every full
/// chunk (not last) to the stream, and on <see cref="Complete"/> the final chunk (last flag set,
/// possibly empty). Plaintext is wiped after sealing.
/// </summary>
internal sealed class BackupChunkWriter : IDisposable
{
    private readonly Stream _output;
    private readonly BackupHeader _header;
    private readonly BackupKeys _keys;
    private readonly byte[] _plaintext;
    private readonly byte[] _ciphertext;
    private readonly byte[] _associatedData = new byte[BackupChunks.AssociatedDataLength];
    private int _filled;
    private long _index;
    private bool _completed;

    internal BackupChunkWriter(Stream output, BackupHeader header, BackupKeys keys)
    {
        _output = output;
        _header = header;
        _keys = keys;
        _plaintext = GC.AllocateArray<byte>(header.ChunkSize, pinned: true);
        _ciphertext = new byte[BackupChunks.FrameLength + header.ChunkSize + BackupChunks.TagLength];
    }

    /// <summary>Bytes written to the stream so far (header excluded).</summary>
    internal long BytesWritten { get; private set; }

    /// <summary>Appends payload bytes.</summary>
    internal void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_filled == _plaintext.Length)
            {
                Seal(last: false);
            }

            int take = Math.Min(bytes.Length, _plaintext.Length - _filled);
            bytes[..take].CopyTo(_plaintext.AsSpan(_filled));
            _filled += take;
            bytes = bytes[take..];
        }
    }

    /// <summary>Appends one byte.</summary>
    internal void WriteByte(byte value) => Write([value]);

    /// <summary>Appends a big-endian u32.</summary>
    internal void WriteUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        Write(bytes);
    }

    /// <summary>Appends a big-endian i64.</summary>
    internal void WriteInt64(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        Write(bytes);
    }

    /// <summary>Seals the final chunk (what is buffered, possibly nothing) with the last flag set.</summary>
    internal void Complete()
    {
        if (!_completed)
        {
            Seal(last: true);
            _completed = true;
        }
    }

    /// <summary>Wipes the plaintext buffer.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_plaintext);

    private void Seal(bool last)
    {
        Span<byte> nonce = stackalloc byte[12];
        BackupChunks.WriteNonce(_index, last, nonce);
        BackupChunks.WriteAssociatedData(_header, _index, last, _associatedData);
        BinaryPrimitives.WriteUInt32BigEndian(_ciphertext, (uint)_filled);
        Span<byte> ciphertext = _ciphertext.AsSpan(BackupChunks.FrameLength, _filled);
        Span<byte> tag = _ciphertext.AsSpan(BackupChunks.FrameLength + _filled, BackupChunks.TagLength);
        _keys.ChunkCipher.Encrypt(nonce, _plaintext.AsSpan(0, _filled), ciphertext, tag, _associatedData);
        int length = BackupChunks.FrameLength + _filled + BackupChunks.TagLength;
        _output.Write(_ciphertext, 0, length);
        BytesWritten += length;
        CryptographicOperations.ZeroMemory(_plaintext.AsSpan(0, _filled));
        _filled = 0;
        _index++;
    }
}
