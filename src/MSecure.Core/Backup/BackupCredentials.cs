using System;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;

namespace MSecure.Core.Backup;

/// <summary>
/// What opens a backup: its backup password, an emergency kit opened with its password (an
/// Account-Key backup restored on another machine or into another account's vault), or the
/// unlocked vault's own Account Key (<see cref="ThisVault"/>). Dispose wipes what it holds.
/// </summary>
public sealed class BackupCredentials : IDisposable
{
    private readonly char[]? _password;
    private readonly SecretKey? _accountBackupKey;
    private readonly Guid _accountId;

    private BackupCredentials(char[]? password, SecretKey? accountBackupKey, Guid accountId)
    {
        _password = password;
        _accountBackupKey = accountBackupKey;
        _accountId = accountId;
    }

    /// <summary>The Account Key of the vault the backup is restored into (an Account-Key backup of the same account).</summary>
    public static BackupCredentials ThisVault => new(null, null, Guid.Empty);

    /// <summary>A backup password (copied into a pinned buffer that <see cref="Dispose"/> wipes).</summary>
    public static BackupCredentials FromPassword(ReadOnlySpan<char> password)
    {
        char[] copy = GC.AllocateArray<char>(password.Length, pinned: true);
        password.CopyTo(copy);
        return new BackupCredentials(copy, null, Guid.Empty);
    }

    /// <summary>The Account Key in an emergency kit, opened now with its password (Argon2id runs here).</summary>
    /// <exception cref="MSecureException">WrongPassword.</exception>
    public static BackupCredentials FromEmergencyKit(EmergencyKit kit, ReadOnlySpan<char> password)
    {
        ArgumentNullException.ThrowIfNull(kit);
        using AccountKey accountKey = kit.Open(password);
        using AccountKeys keys = AccountKeys.Derive(accountKey, kit.AccountId);
        return new BackupCredentials(null, BackupKeys.AccountBackupKey(keys), kit.AccountId);
    }

    /// <summary>Wipes the password or key held.</summary>
    public void Dispose()
    {
        if (_password is not null)
        {
            CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_password.AsSpan()));
        }

        _accountBackupKey?.Dispose();
    }

    /// <summary>The master key of the backup whose header is <paramref name="header"/>; <paramref name="vaultKeys"/> are the target vault's.</summary>
    /// <exception cref="MSecureException">BackupKeyWrong (these credentials cannot open this kind of backup, or another account's).</exception>
    internal SecretKey MasterFor(BackupHeader header, AccountKeys vaultKeys, string path)
    {
        if (header.Mode == BackupSealMode.Password)
        {
            return _password is not null
                ? UnlockKeyDerivation.Derive(_password, header.KdfSalt, header.Kdf)
                : throw MSecureErrors.BackupKeyWrong(path, sealedWithPassword: true);
        }

        if (_password is not null)
        {
            throw MSecureErrors.BackupKeyWrong(path, sealedWithPassword: false);
        }

        if (_accountBackupKey is not null)
        {
            return _accountId == header.AccountId
                ? SecretKey.CopyFrom(_accountBackupKey.Bytes)
                : throw MSecureErrors.BackupKeyWrong(path, sealedWithPassword: false);
        }

        return vaultKeys.AccountId == header.AccountId
            ? BackupKeys.AccountBackupKey(vaultKeys)
            : throw MSecureErrors.BackupKeyWrong(path, sealedWithPassword: false);
    }
}
