using System;
using System.Collections.Generic;
using System.IO;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// A sync folder as one device sees it: the account file, this device's own folder (named by its
/// vault id, the only one it writes) and the other devices' folders (read). The engine calls
/// <see cref="EnsureAccount"/> first on every sync, then <see cref="ReadNew"/>, applies the changes,
/// saves <see cref="FolderReadResult.State"/> with them, and exports with <see cref="WriteBatch"/>.
/// Borrows the account keys (the caller disposes them). Layout and formats: ARCHITECTURE 17.3.
/// </summary>
internal sealed class SyncFolder
{
    private readonly AccountKeys _keys;
    private readonly Guid _vaultId;
    private readonly FolderWriter _writer;

    /// <param name="folder">The sync folder; it must exist.</param>
    /// <param name="keys">This vault's account keys.</param>
    /// <param name="vaultId">This device's vault id.</param>
    /// <exception cref="MSecureException">SyncFolderInvalid: the path is not an existing folder.</exception>
    internal SyncFolder(string folder, AccountKeys keys, Guid vaultId)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(keys);
        FullPath = Path.GetFullPath(folder);
        if (!Directory.Exists(FullPath))
        {
            throw MSecureErrors.SyncFolderInvalid(FullPath, "it does not exist (create it, or give the folder your sync tool shares).");
        }

        _keys = keys;
        _vaultId = vaultId;
        _writer = new FolderWriter(FullPath, vaultId, keys.AccountId, keys.RecordEncryption);
    }

    /// <summary>The folder's full path (the sync result's Source).</summary>
    internal string FullPath { get; }

    /// <summary>Reads the account file of <paramref name="folder"/>, or null when it has none.</summary>
    /// <exception cref="MSecureException">SyncFolderInvalid: unreadable or not an account file.</exception>
    internal static FolderAccountFile? ReadAccount(string folder)
    {
        string fullPath = Path.GetFullPath(folder);
        return FolderAccountFile.Read(fullPath, (reason, inner) => MSecureErrors.SyncFolderInvalid(fullPath, reason, inner));
    }

    /// <summary>
    /// Checks that the folder belongs to this account and key, creating its account file when it
    /// has none. When its verifier does not open with this vault's keys: if
    /// <paramref name="rotatedSinceLastSync"/> (this device replaced the Account Key) the device takes
    /// the folder over (see <see cref="FolderAccountStatus.TakenOver"/>), else another device did.
    /// </summary>
    /// <exception cref="MSecureException">SyncFolderInvalid (another account, a malformed account file); AccountKeyRotated.</exception>
    internal FolderAccountStatus EnsureAccount(bool rotatedSinceLastSync)
    {
        FolderAccountFile? account = ReadAccount(FullPath);
        if (account is null)
        {
            var created = new FolderAccountFile(_keys.AccountId, AccountVerifier.Create(_keys));
            if (FolderFiles.TryCreate(FullPath, FolderFileName.AccountFileName, created.ToJson()))
            {
                return FolderAccountStatus.Created;
            }

            account = ReadAccount(FullPath) ?? throw MSecureErrors.SyncFolderInvalid(FullPath, $"its {FolderFileName.AccountFileName} appeared and vanished again.");
        }

        if (account.AccountId != _keys.AccountId)
        {
            throw MSecureErrors.SyncFolderInvalid(FullPath, $"it belongs to another account ({account.AccountId}); this vault's account is {_keys.AccountId}.");
        }

        try
        {
            AccountVerifier.Verify(_keys, account.Verifier);
            return FolderAccountStatus.Verified;
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.EnvelopeTruncated or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            throw MSecureErrors.SyncFolderInvalid(FullPath, $"the verifier in its {FolderFileName.AccountFileName} is not a verifier envelope.", exception);
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.VerifierMismatch)
        {
            if (!rotatedSinceLastSync)
            {
                throw MSecureErrors.AccountKeyRotatedInFolder(FullPath);
            }
        }

        TakeOver();
        return FolderAccountStatus.TakenOver;
    }

    /// <summary>
    /// The changes of other devices' files this device has not processed according to
    /// <paramref name="state"/>, with warnings for every file ignored. Reads only new files.
    /// </summary>
    internal FolderReadResult ReadNew(FolderState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return FolderReader.ReadNew(FullPath, _vaultId, _keys.AccountId, _keys.RecordEncryption, state);
    }

    /// <summary>
    /// Writes <paramref name="changes"/> as new batches of this device (split every
    /// <see cref="FolderWriter.MaxChangesPerBatch"/> changes); returns the number of files written
    /// (0 and nothing written for no change).
    /// </summary>
    internal int WriteBatch(IReadOnlyList<FolderChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return _writer.WriteBatches(changes);
    }

    /// <summary>
    /// Writes a compaction of <paramref name="everything"/> (every change this vault holds, read
    /// together with <paramref name="state"/>), then deletes the files it makes redundant.
    /// </summary>
    internal FolderCompaction Compact(IReadOnlyList<FolderChange> everything, FolderState state)
    {
        ArgumentNullException.ThrowIfNull(everything);
        ArgumentNullException.ThrowIfNull(state);
        return FolderCompactor.Compact(FullPath, _writer, _vaultId, _keys.AccountId, _keys.RecordEncryption, everything, state);
    }

    /// <summary>Removes every batch and compaction (sealed under the old key), then replaces the account file.</summary>
    private void TakeOver()
    {
        foreach (FolderFileName file in FolderListing.Read(FullPath).Files)
        {
            FolderFiles.TryDelete(FolderReader.PathOf(FullPath, file));
        }

        FolderFiles.Replace(Path.Combine(FullPath, FolderFileName.AccountFileName), new FolderAccountFile(_keys.AccountId, AccountVerifier.Create(_keys)).ToJson());
    }
}
