using System;
using System.Buffers.Binary;
using System.IO;
using System.Security.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Backup;

/// <summary>
/// Reads the backup payload back, one authenticated chunk at a time: a chunk is decrypted as the
/// last one exactly when the file ends after it, so a truncated file (its new last chunk was not
/// sealed as last), data appended, chunks reordered, dropped or altered all fail authentication:
/// BackupTampered. No unauthenticated byte is ever handed out. Plaintext is wiped as it is consumed.
/// </summary>
internal sealed class BackupChunkReader : IDisposable
{
    private readonly Stream _input;
    private readonly BackupHeader _header;
    private readonly BackupKeys _keys;
    private readonly string _path;
    private readonly byte[] _plaintext;
    private readonly byte[] _ciphertext;
    private readonly byte[] _associatedData = new byte[BackupChunks.AssociatedDataLength];
    private readonly byte[] _nextFrame = new byte[BackupChunks.FrameLength];
    private bool _haveNextFrame;
    private int _available;
    private int _position;
    private long _index;
    private bool _sawLast;

    internal BackupChunkReader(Stream input, BackupHeader header, BackupKeys keys, string path)
    {
        _input = input;
        _header = header;
        _keys = keys;
        _path = path;
        _plaintext = GC.AllocateArray<byte>(header.ChunkSize, pinned: true);
        _ciphertext = new byte[header.ChunkSize + BackupChunks.TagLength];
    }

    /// <summary>Whether every chunk was read and consumed (the payload ended exactly at the file's end).</summary>
    internal bool AtEnd => _sawLast && _position == _available;

    /// <summary>Fills <paramref name="destination"/> with the next payload bytes.</summary>
    /// <exception cref="MSecureException">BackupTampered (the file fails authentication), BackupInvalid (the payload ends early).</exception>
    internal void ReadExactly(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_position == _available)
            {
                CryptographicOperations.ZeroMemory(_plaintext.AsSpan(0, _available));
                if (_sawLast)
                {
                    throw MSecureErrors.BackupInvalid(_path, "its content ends early.");
                }

                NextChunk();
                continue;
            }

            int take = Math.Min(destination.Length, _available - _position);
            _plaintext.AsSpan(_position, take).CopyTo(destination);
            _position += take;
            destination = destination[take..];
        }
    }

    /// <summary>Reads one byte.</summary>
    internal byte ReadByte()
    {
        Span<byte> value = stackalloc byte[1];
        ReadExactly(value);
        return value[0];
    }

    /// <summary>Reads a big-endian u32.</summary>
    internal uint ReadUInt32()
    {
        Span<byte> value = stackalloc byte[4];
        ReadExactly(value);
        return BinaryPrimitives.ReadUInt32BigEndian(value);
    }

    /// <summary>Reads a big-endian i64.</summary>
    internal long ReadInt64()
    {
        Span<byte> value = stackalloc byte[8];
        ReadExactly(value);
        return BinaryPrimitives.ReadInt64BigEndian(value);
    }

    /// <summary>Wipes the plaintext buffer.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_plaintext);

    private void NextChunk()
    {
        Span<byte> frame = stackalloc byte[BackupChunks.FrameLength];
        if (_haveNextFrame)
        {
            _nextFrame.CopyTo(frame);
        }
        else if (Fill(frame) != frame.Length)
        {
            throw Truncated();
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(frame);
        if (length > (uint)_header.ChunkSize)
        {
            throw MSecureErrors.BackupTampered(_path, $"chunk {_index} claims more bytes than a chunk holds");
        }

        int sealedLength = (int)length + BackupChunks.TagLength;
        if (Fill(_ciphertext.AsSpan(0, sealedLength)) != sealedLength)
        {
            throw Truncated();
        }

        // The chunk is the last exactly when nothing follows it.
        int next = Fill(_nextFrame);
        _haveNextFrame = next == _nextFrame.Length;
        if (next != 0 && !_haveNextFrame)
        {
            throw Truncated();
        }

        bool last = !_haveNextFrame;
        if (!last && length != (uint)_header.ChunkSize)
        {
            throw MSecureErrors.BackupTampered(_path, $"chunk {_index} is short but not the last");
        }

        Span<byte> nonce = stackalloc byte[12];
        BackupChunks.WriteNonce(_index, last, nonce);
        BackupChunks.WriteAssociatedData(_header, _index, last, _associatedData);
        try
        {
            _keys.ChunkCipher.Decrypt(nonce, _ciphertext.AsSpan(0, (int)length), _ciphertext.AsSpan((int)length, BackupChunks.TagLength),
                _plaintext.AsSpan(0, (int)length), _associatedData);
        }
        catch (AuthenticationTagMismatchException exception)
        {
            CryptographicOperations.ZeroMemory(_plaintext);
            throw MSecureErrors.BackupTampered(_path, $"chunk {_index} fails authentication", exception);
        }

        _available = (int)length;
        _position = 0;
        _sawLast = last;
        _index++;
    }

    private MSecureException Truncated() => MSecureErrors.BackupTampered(_path, $"it ends inside chunk {_index}");

    private int Fill(Span<byte> buffer) => _input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
}
