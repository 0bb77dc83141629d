using System;
using System.Collections.Generic;
using System.IO;
using MSecure.Core.Accounts;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Passwords;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// An open, locked vault file. Shows what needs no secret (<see cref="Info"/>, the emergency
/// kit) and unlocks sessions. Not thread-safe; each session has its own connection.
/// </summary>
public sealed class VaultFile : IDisposable
{
    private readonly VaultDatabase _database;
    private bool _disposed;

    private VaultFile(VaultDatabase database) => _database = database;

    /// <summary>The vault file's full path.</summary>
    public string Path => _database.Path;

    /// <summary>The vault's info, read from the file on each access.</summary>
    public VaultInfo Info => VaultMetadataViews.ReadInfo(Database);

    private VaultDatabase Database
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _database;
        }
    }

    /// <summary>
    /// Creates a new vault at <paramref name="path"/>: a new Account Key, its verifier, the key
    /// wrapped under <paramref name="password"/>. The file is 0600 on Unix; a missing folder is
    /// created 0700. Returns the unlocked session and the emergency kit.
    /// </summary>
    /// <param name="path">Where the vault file goes.</param>
    /// <param name="email">The account's email address.</param>
    /// <param name="password">The password that wraps the Account Key.</param>
    /// <param name="kdfParameters">The KDF cost; <see cref="KdfParameters.Default"/> when null.</param>
    /// <param name="allowWeakPassword">Accept a password that breaks <see cref="VaultPasswordPolicy"/> (the caller warns).</param>
    /// <exception cref="MSecureException">
    /// VaultAlreadyExists; WeakPassword; InvalidArgument for a bad email (empty, white space only, control characters, over 254 UTF-8 bytes);
    /// KdfParametersOutOfRange; VaultStorageFailed when the file cannot be created (a parent that is not a folder, permissions).
    /// </exception>
    public static VaultCreation Create(string path, string email, ReadOnlySpan<char> password, KdfParameters? kdfParameters = null, bool allowWeakPassword = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(email);
        EmergencyKit.ValidateEmail(email);
        if (!allowWeakPassword)
        {
            VaultPasswordPolicy.EnsureStrong(password);
        }

        string fullPath = EnsureAbsent(path);
        KdfParameters kdf = kdfParameters ?? KdfParameters.Default;
        kdf.EnsureWithinBounds();
        Guid accountId = Guid.NewGuid();
        using AccountKey accountKey = AccountKey.Generate();
        return CreateFile(fullPath, email, accountKey, accountId, verifier: null, password, kdf, server: null);
    }

    /// <summary>
    /// Creates a vault for an EXISTING account on a new device (enrollment): the same Account Key
    /// and account id, the key wrapped under <paramref name="password"/> with a new salt, the
    /// verifier the account server (or sync folder) holds, and the server binding (null for a
    /// device that syncs through a folder). The caller proved the key first.
    /// </summary>
    /// <exception cref="MSecureException">VaultAlreadyExists; KdfParametersOutOfRange; VaultStorageFailed.</exception>
    internal static VaultCreation CreateEnrolled(string fullPath, string email, AccountKey accountKey, Guid accountId, byte[] verifier,
        ReadOnlySpan<char> password, KdfParameters kdf, ServerBinding? server)
    {
        kdf.EnsureWithinBounds();
        return CreateFile(EnsureAbsent(fullPath), email, accountKey, accountId, verifier, password, kdf, server);
    }

    /// <summary>The full path of <paramref name="path"/>; VaultAlreadyExists when a file or folder is there (checked before any slow work).</summary>
    /// <exception cref="MSecureException">VaultAlreadyExists.</exception>
    public static string EnsureAbsent(string path)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        if (File.Exists(fullPath) || Directory.Exists(fullPath))
        {
            throw MSecureErrors.VaultAlreadyExists(fullPath);
        }

        return fullPath;
    }

    private static VaultCreation CreateFile(string fullPath, string email, AccountKey accountKey, Guid accountId, byte[]? verifier,
        ReadOnlySpan<char> password, KdfParameters kdf, ServerBinding? server)
    {
        Guid vaultId = Guid.NewGuid();
        AccountKeys? keys = null;
        VaultDatabase? database = null;
        try
        {
            keys = AccountKeys.Derive(accountKey, accountId);
            verifier ??= AccountVerifier.Create(keys);
            WrappedAccountKey wrapped = WrappedAccountKey.Wrap(accountId, email, accountKey, password, kdf);
            var kit = new EmergencyKit(wrapped);
            var metadata = new VaultMetadata(vaultId, accountId, email, DateTimeOffset.FromUnixTimeMilliseconds(VaultClock.NowMilliseconds()),
                kdf, wrapped.Salt.ToArray(), wrapped.EnvelopeBytes.ToArray(), verifier, KeyEpoch: 1, server);
            var state = new VaultState(0, new byte[RecordSetHasher.DigestLength], MetadataHash.Of(metadata));
            database = VaultDatabase.Create(fullPath, created =>
            {
                MetaStore.Insert(created, metadata);
                MetaStore.UpdateState(created, state.Seal(keys, vaultId));
            });
            RevisionWitness.Record(fullPath, keys, vaultId, metadata.KeyEpoch, state.Revision, force: true);
            var codec = new RecordCodec(new RecordCipher(keys, vaultId));
            keys = null;
            var session = new VaultSession(new UnlockedVault(database, codec, accountId, metadata.KeyEpoch));
            database = null;
            return new VaultCreation(session, kit);
        }
        finally
        {
            keys?.Dispose();
            database?.Dispose();
        }
    }

    /// <summary>Opens the vault file at <paramref name="path"/>, checking that it is a sound vault of a known schema.</summary>
    /// <exception cref="MSecureException">VaultNotFound, VaultCorrupted (naming the file and the reason), VaultSchemaTooNew, VaultBusy.</exception>
    public static VaultFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        VaultDatabase database = VaultDatabase.Open(System.IO.Path.GetFullPath(path));
        try
        {
            // Reading the metadata proves the vault data is there.
            VaultMetadata metadata = database.Read(() => MetaStore.Read(database));
            _ = VaultMetadataViews.ReadWrappedKey(database, metadata);
            return new VaultFile(database);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary><see cref="Unlock(ReadOnlySpan{char}, bool)"/>, refusing a state older than this device saw.</summary>
    /// <exception cref="MSecureException">
    /// WrongPassword, VerifierMismatch, KdfParametersOutOfRange (a hostile file), VaultCorrupted, VaultTampered, VaultRolledBack.
    /// </exception>
    public VaultSession Unlock(ReadOnlySpan<char> password) => Unlock(password, acceptRollback: false);

    /// <summary>
    /// Unlocks the vault: derives the unlock key from <paramref name="password"/>, unwraps the
    /// Account Key, derives the record keys and checks them against the verifier, then attests the
    /// vault: its sealed state authenticates, matches the metadata, and is not older than the newest
    /// state this device saw (the revision witness beside the file). A vault written before sealed
    /// states is sealed now, after its older record-set anchor proved its rows.
    /// </summary>
    /// <param name="password">The vault's password.</param>
    /// <param name="acceptRollback">Accept an older state than this device saw (a backup restored on purpose), or a damaged witness, and record it as the newest.</param>
    /// <exception cref="MSecureException">
    /// WrongPassword, VerifierMismatch, KdfParametersOutOfRange (a hostile file), VaultCorrupted, VaultTampered, VaultRolledBack.
    /// </exception>
    public VaultSession Unlock(ReadOnlySpan<char> password, bool acceptRollback)
    {
        VaultDatabase database = Database;
        VaultMetadata metadata = database.Read(() => MetaStore.Read(database));
        WrappedAccountKey wrapped = VaultMetadataViews.ReadWrappedKey(database, metadata);
        AccountKeys keys;
        WrappedAccountKey? upgraded;
        using (AccountKey accountKey = UnwrapStored(database.Path, wrapped, password, out upgraded))
        {
            keys = AccountKeys.Derive(accountKey, metadata.AccountId);
        }

        return UnlockWith(keys, metadata, upgraded is null ? null : new WrapUpgrade(wrapped.EnvelopeBytes, upgraded), acceptRollback);
    }

    /// <summary>
    /// Unlocks with derived keys the caller already holds (a session hand-off), without the KDF:
    /// <paramref name="openKeys"/> gets the vault's metadata and returns the keys, which then pass
    /// the same checks as a password unlock (the stored verifier, the attestation of the vault state).
    /// The session owns the keys; on failure they are wiped.
    /// </summary>
    /// <exception cref="MSecureException">VerifierMismatch (keys of an earlier Account Key), VaultCorrupted, VaultTampered, VaultRolledBack, whatever <paramref name="openKeys"/> throws.</exception>
    internal VaultSession UnlockWithKeys(Func<VaultMetadata, AccountKeys> openKeys)
    {
        VaultDatabase database = Database;
        VaultMetadata metadata = database.Read(() => MetaStore.Read(database));
        return UnlockWith(openKeys(metadata), metadata, wrapUpgrade: null, acceptRollback: false);
    }

    private VaultSession UnlockWith(AccountKeys keys, VaultMetadata metadata, WrapUpgrade? wrapUpgrade, bool acceptRollback)
    {
        VaultDatabase database = Database;
        UnlockedVault? vault = null;
        try
        {
            VerifyStoredVerifier(database.Path, keys, metadata.Verifier);
            vault = new UnlockedVault(VaultDatabase.Open(database.Path), new RecordCodec(new RecordCipher(keys, metadata.VaultId)),
                metadata.AccountId, metadata.KeyEpoch);
            VaultAttestation.Attest(vault, wrapUpgrade, acceptRollback);
            var session = new VaultSession(vault);
            vault = null;
            return session;
        }
        catch
        {
            if (vault is null)
            {
                keys.Dispose();
            }

            vault?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs SQLite's full integrity check over the file; empty when sound. Reads the whole file.
    /// Needs no key, so it cannot check the record-set anchor: <see cref="VaultSession.CheckIntegrity"/> does both.
    /// </summary>
    public IReadOnlyList<string> CheckIntegrity() => Database.CheckIntegrity();

    /// <summary>Closes the file. Sessions unlocked from it stay open.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _database.Dispose();
        }
    }

    // Likewise a stored wrapped key that is not even an envelope is damage, not a wrong password.
    private static AccountKey UnwrapStored(string path, WrappedAccountKey wrapped, ReadOnlySpan<char> password, out WrappedAccountKey? upgraded)
    {
        try
        {
            return wrapped.Unwrap(password, out upgraded);
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.EnvelopeTruncated or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            throw MSecureErrors.VaultCorrupted(path, "its stored wrapped Account Key is damaged", exception);
        }
    }

    // A stored verifier that is not even an envelope (truncated, unknown version byte) is damage to
    // this vault's own metadata, not a sign of another account's key.
    private static void VerifyStoredVerifier(string path, AccountKeys keys, byte[] verifier)
    {
        try
        {
            AccountVerifier.Verify(keys, verifier);
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.EnvelopeTruncated or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            throw MSecureErrors.VaultCorrupted(path, "its stored verifier is damaged", exception);
        }
    }
}
