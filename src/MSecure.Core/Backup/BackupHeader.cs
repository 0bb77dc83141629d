using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Backup;

/// <summary>
/// The 128-byte clear header of a backup file (all integers big-endian): magic, format version,
/// seal mode, the account id (Account Key seal) or the Argon2id parameters and salt (password
/// seal), the file salt, the chunk size and the key check. Every chunk authenticates all of it.
/// </summary>
internal sealed class BackupHeader
{
    /// <summary>The header's length in bytes.</summary>
    internal const int Length = 128;

    /// <summary>The only format version written and read.</summary>
    internal const ushort FormatVersion = 1;

    /// <summary>The plaintext bytes per chunk this version writes.</summary>
    internal const int DefaultChunkSize = 64 * 1024;

    /// <summary>The smallest chunk size a reader accepts.</summary>
    internal const int MinimumChunkSize = 4 * 1024;

    /// <summary>The largest chunk size a reader accepts (bounds what one chunk allocates).</summary>
    internal const int MaximumChunkSize = 1024 * 1024;

    /// <summary>Where the key check starts: it covers the bytes before it.</summary>
    internal const int KeyCheckOffset = 96;

    /// <summary>The key check's length (HMAC-SHA256).</summary>
    internal const int KeyCheckLength = 32;

    /// <summary>The file salt's length.</summary>
    internal const int FileSaltLength = 32;

    private static ReadOnlySpan<byte> Magic => "MSECBKUP"u8;

    private readonly byte[] _bytes;

    private BackupHeader(byte[] bytes, BackupSealMode mode, Guid accountId, KdfParameters kdf, int chunkSize)
    {
        _bytes = bytes;
        Mode = mode;
        AccountId = accountId;
        Kdf = kdf;
        ChunkSize = chunkSize;
    }

    /// <summary>How the file's key is made.</summary>
    internal BackupSealMode Mode { get; }

    /// <summary>The account whose Account Key sealed it (Account Key seal); empty for a password seal.</summary>
    internal Guid AccountId { get; }

    /// <summary>The Argon2id cost (password seal).</summary>
    internal KdfParameters Kdf { get; }

    /// <summary>Plaintext bytes per chunk (every chunk but the last holds exactly this many).</summary>
    internal int ChunkSize { get; }

    /// <summary>The Argon2id salt (password seal; zero otherwise).</summary>
    internal ReadOnlySpan<byte> KdfSalt => _bytes.AsSpan(44, UnlockKeyDerivation.SaltLength);

    /// <summary>The random salt of this file's keys.</summary>
    internal ReadOnlySpan<byte> FileSalt => _bytes.AsSpan(60, FileSaltLength);

    /// <summary>The bytes the key check covers.</summary>
    internal ReadOnlySpan<byte> CheckedBytes => _bytes.AsSpan(0, KeyCheckOffset);

    /// <summary>The stored key check.</summary>
    internal ReadOnlySpan<byte> KeyCheck => _bytes.AsSpan(KeyCheckOffset, KeyCheckLength);

    /// <summary>The whole header, as every chunk's associated data binds it.</summary>
    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>A new header (fresh salts) for a backup sealed by <paramref name="mode"/>; the key check is set by <see cref="SetKeyCheck"/>.</summary>
    internal static BackupHeader Create(BackupSealMode mode, Guid accountId, KdfParameters kdf)
    {
        byte[] bytes = new byte[Length];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(8), FormatVersion);
        bytes[10] = (byte)mode;
        if (mode == BackupSealMode.AccountKey)
        {
            IdEncoding.Write(accountId, bytes.AsSpan(12, IdEncoding.Length));
            kdf = default;
        }
        else
        {
            kdf.EnsureWithinBounds();
            accountId = Guid.Empty;
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(28), (uint)kdf.Algorithm);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(32), kdf.MemoryKiB);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(36), kdf.Passes);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(40), kdf.Lanes);
            RandomNumberGenerator.Fill(bytes.AsSpan(44, UnlockKeyDerivation.SaltLength));
        }

        RandomNumberGenerator.Fill(bytes.AsSpan(60, FileSaltLength));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(92), DefaultChunkSize);
        return new BackupHeader(bytes, mode, accountId, kdf, DefaultChunkSize);
    }

    /// <summary>Writes the key check computed by the file's keys.</summary>
    internal void SetKeyCheck(ReadOnlySpan<byte> check) => check.CopyTo(_bytes.AsSpan(KeyCheckOffset, KeyCheckLength));

    /// <summary>
    /// Reads a header from <paramref name="bytes"/> (what the file holds, up to <see cref="Length"/>
    /// bytes). Nothing here needs a key.
    /// </summary>
    /// <exception cref="MSecureException">BackupInvalid (not a backup, another version, values out of bounds), BackupTampered (cut inside the header).</exception>
    internal static BackupHeader Parse(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw MSecureErrors.BackupInvalid(path, "it does not start like one.");
        }

        if (bytes.Length < Length)
        {
            throw MSecureErrors.BackupTampered(path, "it ends inside its header");
        }

        ushort version = BinaryPrimitives.ReadUInt16BigEndian(bytes[8..]);
        if (version != FormatVersion)
        {
            throw MSecureErrors.BackupInvalid(path, $"its format version is {version}; this version of MSecure reads version {FormatVersion}.");
        }

        var mode = (BackupSealMode)bytes[10];
        if (mode is not (BackupSealMode.Password or BackupSealMode.AccountKey) || bytes[11] != 0)
        {
            throw MSecureErrors.BackupInvalid(path, "its seal mode is unknown.");
        }

        Guid accountId = IdEncoding.Read(bytes.Slice(12, IdEncoding.Length));
        var kdf = new KdfParameters((KdfAlgorithm)BinaryPrimitives.ReadInt32BigEndian(bytes[28..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[32..]),
            BinaryPrimitives.ReadUInt32BigEndian(bytes[36..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[40..]));
        if (mode == BackupSealMode.Password)
        {
            if (accountId != Guid.Empty)
            {
                throw MSecureErrors.BackupInvalid(path, "a password-sealed backup names an account.");
            }

            try
            {
                kdf.EnsureWithinBounds();
            }
            catch (MSecureException exception) when (exception.Code == MSecureErrorCode.KdfParametersOutOfRange)
            {
                throw MSecureErrors.BackupInvalid(path, "its key derivation cost is out of bounds.");
            }
        }
        else if (bytes[28..60].ContainsAnyExcept((byte)0))
        {
            throw MSecureErrors.BackupInvalid(path, "an Account-Key-sealed backup carries password parameters.");
        }

        uint chunkSize = BinaryPrimitives.ReadUInt32BigEndian(bytes[92..]);
        if (chunkSize is < MinimumChunkSize or > MaximumChunkSize)
        {
            throw MSecureErrors.BackupInvalid(path, "its chunk size is out of bounds.");
        }

        return new BackupHeader(bytes[..Length].ToArray(), mode, accountId, mode == BackupSealMode.Password ? kdf : default, (int)chunkSize);
    }
}
