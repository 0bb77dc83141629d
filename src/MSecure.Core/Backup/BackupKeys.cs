using System;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Backup;

/// <summary>
/// The keys of one backup file, from its master key (Argon2id of the backup password, or the
/// Account Key's backup key): PRK = HKDF-Extract(salt = file salt, IKM = master), then the chunk
/// key and the key-check key by HKDF-Expand with labels of their own. Dispose wipes them.
/// </summary>
internal sealed class BackupKeys : IDisposable
{
    private readonly SecretKey _checkKey;

    private BackupKeys(SecretKey chunkKey, SecretKey checkKey)
    {
        ChunkCipher = Envelope.CreateCipher(chunkKey);
        chunkKey.Dispose();
        _checkKey = checkKey;
    }

    /// <summary>AES-256-GCM under the chunk key.</summary>
    internal AesGcm ChunkCipher { get; }

    /// <summary>The backup key of an Account Key: HKDF-Expand(PRK = its server-authentication seed, info "msecure/v1/backup").</summary>
    internal static SecretKey AccountBackupKey(AccountKeys keys)
    {
        var key = SecretKey.CreateEmpty(AccountKeys.KeyLength);
        HKDF.Expand(HashAlgorithmName.SHA256, keys.ServerAuthentication.Bytes, key.WritableBytes, KeyDerivationLabels.Backup);
        return key;
    }

    /// <summary>The keys of the file whose header is <paramref name="header"/>, from its master key.</summary>
    internal static BackupKeys Derive(SecretKey master, BackupHeader header)
    {
        Span<byte> prk = stackalloc byte[32];
        SecretKey? chunk = null;
        try
        {
            HKDF.Extract(HashAlgorithmName.SHA256, master.Bytes, header.FileSalt, prk);
            chunk = SecretKey.CreateEmpty(Envelope.KeyLength);
            HKDF.Expand(HashAlgorithmName.SHA256, prk, chunk.WritableBytes, KeyDerivationLabels.BackupChunk);
            var check = SecretKey.CreateEmpty(BackupHeader.KeyCheckLength);
            HKDF.Expand(HashAlgorithmName.SHA256, prk, check.WritableBytes, KeyDerivationLabels.BackupKeyCheck);
            return new BackupKeys(chunk, check);
        }
        catch
        {
            chunk?.Dispose();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(prk);
        }
    }

    /// <summary>The key check of <paramref name="header"/>: HMAC-SHA256(check key, header bytes 0 to 95).</summary>
    internal byte[] KeyCheckOf(BackupHeader header) => HMACSHA256.HashData(_checkKey.Bytes, header.CheckedBytes);

    /// <summary>Whether <paramref name="header"/>'s key check was made with these keys (constant time).</summary>
    internal bool Opens(BackupHeader header) => CryptographicOperations.FixedTimeEquals(KeyCheckOf(header), header.KeyCheck);

    /// <summary>Frees the cipher and wipes the keys.</summary>
    public void Dispose()
    {
        ChunkCipher.Dispose();
        _checkKey.Dispose();
    }
}
