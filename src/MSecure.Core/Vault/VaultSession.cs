using System;
using System.Collections.Generic;
using MSecure.Core.Accounts;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Records;
using MSecure.Core.Sync;

namespace MSecure.Core.Vault;

/// <summary>
/// An unlocked vault: holds the derived keys and its own connection to the file. Every
/// operation is one transaction. Calls are serialised (one at a time per session); other
/// sessions and processes may use the same file concurrently. <see cref="Dispose"/> locks it:
/// the keys are wiped and every later call fails with VaultLocked.
/// </summary>
public sealed class VaultSession : IDisposable
{
    private readonly object _gate = new();
    private readonly AccountLink _account = new();
    private UnlockedVault? _vault;

    internal VaultSession(UnlockedVault vault) => _vault = vault;

    /// <summary>The vault's info, read from the file.</summary>
    /// <exception cref="MSecureException">VaultLocked.</exception>
    public VaultInfo Info => Use(vault => VaultMetadataViews.ReadInfo(vault.Database));

    /// <summary>Whether the session has been locked (disposed).</summary>
    public bool IsLocked => System.Threading.Volatile.Read(ref _vault) is null;

    /// <summary>Adds a record at revision 1.</summary>
    /// <exception cref="MSecureException">InvalidRecord, RecordNameConflict, VaultLocked, VaultBusy.</exception>
    public Record Add(RecordDraft draft) => Use(vault => RecordWriter.Add(vault, draft));

    /// <summary>Adds many records in one transaction: all of them, or none when any fails.</summary>
    /// <exception cref="MSecureException">InvalidRecord, RecordNameConflict, VaultLocked, VaultBusy.</exception>
    public IReadOnlyList<Record> AddMany(IEnumerable<RecordDraft> drafts) => Use(vault => RecordWriter.AddMany(vault, drafts));

    /// <summary>
    /// Imports the file <paramref name="path"/> in one transaction: every entry or, when any cannot be
    /// read or stored, none (ImportFailed lists each "location: reason", never a value). Entries are
    /// streamed (memory stays flat in their number); duplicates follow <see cref="Transfer.ImportOptions.OnDuplicate"/>;
    /// a taken name that is not a duplicate becomes "Name (2)". The file is opened for reading only.
    /// With <see cref="Transfer.ImportOptions.DryRun"/> nothing is written and the report says what would be.
    /// </summary>
    /// <param name="path">The file to import.</param>
    /// <param name="format">Its format, or <see cref="Transfer.ImportFormat.Auto"/> to recognise it from its content.</param>
    /// <param name="options">How to store the entries; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the import: nothing is written.</param>
    /// <exception cref="MSecureException">ImportFormatUnknown, ImportFileInvalid, ImportFailed, VaultLocked, VaultBusy, VaultTampered.</exception>
    /// <exception cref="System.IO.FileNotFoundException">No such file.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: nothing was written.</exception>
    public Transfer.ImportReport ImportFile(string path, Transfer.ImportFormat format = Transfer.ImportFormat.Auto, Transfer.ImportOptions? options = null,
        System.Threading.CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new Transfer.ImportOptions();
        using Transfer.ImportFileReader file = Transfer.ImportFileReader.Open(path, format);
        var report = new Transfer.ImportReportBuilder(file.Path, file.Format, options.DryRun);
        return Use(vault => RecordImportWriter.Run(vault, file.Read(cancellationToken), report, options, file.Position, cancellationToken));
    }

    /// <summary>
    /// Imports <paramref name="items"/> (read by a format's reader, or built by the caller) like
    /// <see cref="ImportFile"/>; <paramref name="source"/> names them in the report and in errors.
    /// </summary>
    /// <exception cref="MSecureException">ImportFailed, VaultLocked, VaultBusy, VaultTampered.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: nothing was written.</exception>
    public Transfer.ImportReport Import(IEnumerable<Transfer.ImportItem> items, string source, Transfer.ImportOptions? options = null,
        System.Threading.CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(source);
        options ??= new Transfer.ImportOptions();
        var report = new Transfer.ImportReportBuilder(source, null, options.DryRun);
        return Use(vault => RecordImportWriter.Run(vault, items, report, options, null, cancellationToken));
    }

    /// <summary>
    /// Replaces record <paramref name="id"/>'s content, keeping the previous version in history.
    /// With <paramref name="expectedRevision"/>, fails unless the record is still at that revision.
    /// </summary>
    /// <exception cref="MSecureException">RecordNotFound, RecordRevisionConflict, RecordNameConflict, InvalidRecord, RecordTampered.</exception>
    public Record Update(Guid id, RecordDraft draft, long? expectedRevision = null) =>
        Use(vault => RecordWriter.Update(vault, id, draft, expectedRevision));

    /// <summary>
    /// Removes record <paramref name="id"/>: a tombstone (id and deleted marker only) takes the
    /// next revision, for sync, and the last version moves into history.
    /// </summary>
    /// <exception cref="MSecureException">RecordNotFound, RecordRevisionConflict, RecordTampered.</exception>
    public void Remove(Guid id, long? expectedRevision = null) =>
        Use(vault =>
        {
            RecordWriter.Remove(vault, id, expectedRevision);
            return 0;
        });

    /// <summary>The current version of record <paramref name="id"/>.</summary>
    /// <exception cref="MSecureException">RecordNotFound, RecordTampered.</exception>
    public Record Get(Guid id) => Use(vault => RecordReader.Get(vault, id));

    /// <summary>The record named exactly <paramref name="name"/>, ignoring case (NFKC, invariant), or null.</summary>
    /// <exception cref="MSecureException">RecordTampered.</exception>
    public Record? FindByName(string name) => Use(vault => RecordReader.FindByName(vault, name));

    /// <summary>The records matching every criterion of <paramref name="query"/>, sorted by name; an empty query lists all.</summary>
    /// <exception cref="MSecureException">InvalidArgument (a bad wildcard pattern), RecordTampered.</exception>
    public IReadOnlyList<RecordSummary> Search(RecordQuery query) => Use(vault => RecordSearch.Run(vault, query));

    /// <summary>The earlier versions of record <paramref name="id"/> (also after removal), newest first.</summary>
    /// <exception cref="MSecureException">RecordNotFound, RecordTampered.</exception>
    public IReadOnlyList<Record> GetHistory(Guid id) => Use(vault => RecordReader.GetHistory(vault, id));

    /// <summary>
    /// Changes the password offline: the Account Key is re-wrapped under a new unlock key (new
    /// salt, optionally new KDF cost); no record is touched. Kits printed before still open with
    /// the old password, so the new kit returned here should replace them.
    /// </summary>
    /// <param name="currentPassword">The password the Account Key is wrapped under now.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="kdfParameters">The new KDF cost; the current one when null.</param>
    /// <param name="allowWeakPassword">Accept a new password that breaks <see cref="Passwords.VaultPasswordPolicy"/> (the caller warns).</param>
    /// <exception cref="MSecureException">WeakPassword, WrongPassword, KdfParametersOutOfRange, VaultLocked.</exception>
    public EmergencyKit ChangePassword(ReadOnlySpan<char> currentPassword, ReadOnlySpan<char> newPassword, KdfParameters? kdfParameters = null,
        bool allowWeakPassword = false)
    {
        if (!allowWeakPassword)
        {
            Passwords.VaultPasswordPolicy.EnsureStrong(newPassword);
        }

        lock (_gate)
        {
            return PasswordChange.Run(Current, currentPassword, newPassword, kdfParameters);
        }
    }

    /// <summary>
    /// Replaces the Account Key: every record, summary and history entry is re-encrypted under
    /// keys of a new Account Key in one transaction, with a new verifier and wrapped key. The
    /// session continues with the new keys; other sessions must unlock again. Every earlier kit
    /// becomes useless, so the returned kit must be printed.
    /// </summary>
    /// <exception cref="MSecureException">WrongPassword, RecordTampered (nothing changed), VaultLocked.</exception>
    public EmergencyKit RotateAccountKey(ReadOnlySpan<char> password)
    {
        lock (_gate)
        {
            EmergencyKit kit = _account.RotateAccountKey(Current, password);
            LastSync = null;
            LastSyncError = null;
            try
            {
                // The server dropped the old change log: push everything under the new key now.
                LastSync = _account.Sync(Current, progress: null);
            }
            catch (MSecureException exception) when (exception.Code != MSecureErrorCode.SyncNotConfigured)
            {
                LastSyncError = exception;
            }
            catch (MSecureException)
            {
                // Not connected to a server: nothing to push.
            }

            return kit;
        }
    }

    /// <summary>
    /// The sync run after the last <see cref="RotateAccountKey"/> of this session; null when the vault
    /// is not connected to a server or that sync failed (see <see cref="LastSyncError"/>; the next
    /// <see cref="Sync"/> pushes everything then).
    /// </summary>
    public SyncResult? LastSync { get; private set; }

    /// <summary>Why the sync after the last <see cref="RotateAccountKey"/> failed, or null.</summary>
    public MSecureException? LastSyncError { get; private set; }

    /// <summary>
    /// Syncs with the account server: pulls and applies other devices' changes, pushes this device's,
    /// and repeats until nothing is left. Concurrent edits of one record keep both versions (the
    /// winner current, the other in history) and are listed in the result.
    /// </summary>
    /// <param name="progress">Told of each stage and the counts so far; may be null.</param>
    /// <param name="acceptServerRollback">
    /// After SyncRolledBack (the server was restored from an older copy and lost changes): forget what
    /// this device knew of the server's log, send every revision of every record again (the server
    /// answers "duplicate" for those it holds and stores the ones it lost), then pull from the start.
    /// </param>
    /// <exception cref="MSecureException">
    /// SyncNotConfigured (no server, or the vault syncs through a folder), SyncTampered, SyncRolledBack (nothing written for the
    /// page that failed), ServerUnreachable, DeviceRevoked, AccountKeyRotated, RateLimited, ServerProtocolError, VaultLocked.
    /// </exception>
    public SyncResult Sync(Action<SyncProgress>? progress = null, bool acceptServerRollback = false) =>
        Use(vault =>
        {
            SyncResult result = _account.Sync(vault, progress, acceptServerRollback);
            Access.AccessKeyManager.UploadAll(vault, _account);
            return result;
        });

    /// <summary>
    /// Creates a read-only access key for the records tagged <paramref name="tag"/> and returns its
    /// token (shown once). On a vault registered with a server the key is registered there and reads
    /// through it; otherwise it reads this vault file.
    /// </summary>
    /// <exception cref="MSecureException">InvalidArgument, ServerUnreachable, AccountKeyRotated, DeviceRevoked, VaultTampered, VaultLocked.</exception>
    public Access.AccessKeyIssue CreateAccessKey(string name, string tag, TimeSpan? lifetime) =>
        Use(vault => Access.AccessKeyManager.Create(vault, _account, name, tag, lifetime));

    /// <summary>The vault's access keys, by name (never a token).</summary>
    /// <exception cref="MSecureException">VaultTampered, VaultLocked.</exception>
    public IReadOnlyList<Access.AccessKeyInfo> GetAccessKeys() => Use(Access.AccessKeyManager.List);

    /// <summary>Revokes access key <paramref name="id"/>: refused by the server at once, and never sealed for again.</summary>
    /// <exception cref="MSecureException">AccessKeyNotFound, ServerUnreachable, AccountNotRegistered, VaultLocked.</exception>
    public void RevokeAccessKey(Guid id) => Use(vault =>
    {
        Access.AccessKeyManager.Revoke(vault, _account, id);
        return 0;
    });

    /// <summary>
    /// Syncs through a shared folder instead of a server: reads the other devices' new change files
    /// (ignoring, with a warning, any that is partial, tampered, another account's or a conflicted
    /// copy), applies them, and writes this device's changes as a new file of its own.
    /// </summary>
    /// <param name="folder">The shared folder (any path; other devices see it through their sync tool).</param>
    /// <param name="compact">Also rewrite this device's view of every change as one compaction file and delete the files it covers.</param>
    /// <param name="progress">Told of each stage and the counts so far; may be null.</param>
    /// <exception cref="MSecureException">
    /// SyncNotConfigured (the vault syncs through a server), SyncFolderInvalid, SyncTampered, AccountKeyRotated, VaultLocked.
    /// </exception>
    public SyncResult SyncFolder(string folder, bool compact = false, Action<SyncProgress>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return Use(vault => FolderSync.Run(vault, folder, compact, progress));
    }

    /// <summary>
    /// Writes an encrypted backup of every live record with its history to <paramref name="destination"/>
    /// (docs/ARCHITECTURE.md section 19.4), read in one transaction and encrypted as it streams out.
    /// </summary>
    /// <param name="destination">Where the backup goes (the caller creates the file, owner-only).</param>
    /// <param name="mode">Seal with <paramref name="backupPassword"/> (Argon2id) or with the vault's Account Key.</param>
    /// <param name="backupPassword">The backup password (password seal only; never stored).</param>
    /// <param name="kdfParameters">The Argon2id cost of a password seal; the vault's own when null.</param>
    /// <exception cref="MSecureException">KdfParametersOutOfRange, VaultTampered, RecordTampered, VaultLocked.</exception>
    public Backup.BackupExportResult ExportBackup(System.IO.Stream destination, Backup.BackupSealMode mode, ReadOnlySpan<char> backupPassword = default,
        KdfParameters? kdfParameters = null)
    {
        lock (_gate)
        {
            return Backup.BackupExport.Run(Current, destination, mode, backupPassword, kdfParameters);
        }
    }

    /// <summary>
    /// Restores a backup into this vault: the whole file is authenticated first (nothing is written
    /// when any byte was altered, or it was truncated), then every record is merged in ONE write
    /// transaction: new records added with their history, no duplicates, nothing already here lost.
    /// </summary>
    /// <param name="source">The backup, seekable (it is read twice).</param>
    /// <param name="credentials">What opens it.</param>
    /// <param name="dryRun">Count what would change, and write nothing.</param>
    /// <param name="path">The file's name for messages.</param>
    /// <exception cref="MSecureException">BackupInvalid, BackupKeyWrong, BackupTampered, WrongPassword, VaultBusy, VaultLocked.</exception>
    public Backup.BackupRestoreResult ImportBackup(System.IO.Stream source, Backup.BackupCredentials credentials, bool dryRun = false, string path = "the backup") =>
        Use(vault => Backup.BackupRestore.Run(vault, source, credentials, dryRun, path));

    /// <summary>Timeouts and retries of this session's account server requests.</summary>
    public AccountServerOptions AccountServerOptions
    {
        get => _account.Options;
        set => _account.Options = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Registers the vault's account (account id, email, public key, verifier, signed) on the
    /// account server at <paramref name="server"/>, and records the server in the vault.
    /// </summary>
    /// <param name="server">The server's address.</param>
    /// <param name="certificateFingerprint">The pinned SHA-256 fingerprint of its certificate, or null for the system trust store.</param>
    /// <param name="deviceName">This device's name on the server.</param>
    /// <param name="inviteCode">An invite code for an invite-only server, or null.</param>
    /// <exception cref="MSecureException">
    /// RegistrationRefused, AccountAlreadyRegistered, ServerUnreachable, ServerCertificateMismatch, RateLimited, ServerProtocolError,
    /// InvalidArgument, VaultTampered, VaultLocked.
    /// </exception>
    public ServerBinding RegisterAccount(Uri server, string? certificateFingerprint, string deviceName, string? inviteCode = null) =>
        Use(vault => _account.Register(vault, server, certificateFingerprint, deviceName, inviteCode));

    /// <summary>The devices of the account on its server.</summary>
    /// <exception cref="MSecureException">AccountNotRegistered, SignInFailed, DeviceRevoked, AccountKeyRotated, ServerUnreachable, RateLimited.</exception>
    public IReadOnlyList<AccountDevice> GetDevices() => Use(_account.GetDevices);

    /// <summary>Revokes device <paramref name="deviceId"/> of the account: its tokens stop working at once.</summary>
    /// <exception cref="MSecureException">DeviceNotFound, AccountNotRegistered, SignInFailed, DeviceRevoked, AccountKeyRotated, ServerUnreachable.</exception>
    public void RemoveDevice(Guid deviceId) => Use(vault =>
    {
        _account.RevokeDevice(vault, deviceId);
        return 0;
    });

    /// <summary>Forgets the account server on this device (signing out first, best effort). The vault and the server's account stay.</summary>
    /// <exception cref="MSecureException">AccountNotRegistered, VaultTampered, VaultLocked.</exception>
    public void DisconnectAccount() => Use(vault =>
    {
        _account.Disconnect(vault);
        return 0;
    });

    /// <summary>Keeps the signed-in connection of an enrollment (its token stays in memory only).</summary>
    internal void AttachAccount(AccountConnection connection)
    {
        lock (_gate)
        {
            _account.Attach(connection);
        }
    }

    /// <summary>
    /// Checks the whole vault and reports every problem found instead of stopping at the first:
    /// SQLite's integrity check, the sealed state against the metadata, the record-set digest and
    /// the revision witness, and every envelope: each live record's summary and full content open and
    /// agree with its name index, each tombstone opens, each record's history is complete and every
    /// entry opens. Reads and decrypts the whole file.
    /// </summary>
    /// <exception cref="MSecureException">VaultLocked.</exception>
    public VaultCheckReport Verify() => Use(VaultIntegrityCheck.Run);

    /// <summary><see cref="Verify"/>'s problems: empty when the vault is sound.</summary>
    /// <exception cref="MSecureException">VaultLocked.</exception>
    public IReadOnlyList<string> CheckIntegrity() => Verify().Problems;

    /// <summary>
    /// The emergency kit of the wrapped key stored now, after checking that the metadata it is made
    /// of (email, account id, KDF parameters, salt, wrapped key) is the one sealed in the vault state:
    /// a kit printed from tampered metadata would not open.
    /// </summary>
    /// <exception cref="MSecureException">VaultLocked, VaultTampered.</exception>
    public EmergencyKit GetEmergencyKit() => Use(vault => vault.Read(() =>
    {
        vault.EnsureMetadataMatches(vault.ReadState());
        return VaultMetadataViews.ReadKit(vault.Database);
    }));

    /// <summary>Locks the session: wipes every key and closes the connection. Waits for a call in progress.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            UnlockedVault? vault = _vault;
            System.Threading.Volatile.Write(ref _vault, null);
            _account.Dispose();
            vault?.Dispose();
        }
    }

    /// <summary>The vault, or VaultLocked. Call under the gate.</summary>
    private UnlockedVault Current => _vault ?? throw MSecureErrors.VaultLocked();

    /// <summary>Runs <paramref name="operation"/> on the unlocked vault, one call at a time (tests reach the engine's internals through it).</summary>
    internal T Use<T>(Func<UnlockedVault, T> operation)
    {
        lock (_gate)
        {
            return operation(Current);
        }
    }
}
