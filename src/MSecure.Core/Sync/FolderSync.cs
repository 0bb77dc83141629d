using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Storage;
using MSecure.Core.Sync.Folder;
using MSecure.Core.Vault;

namespace MSecure.Core.Sync;

/// <summary>
/// Sync through a shared folder (docs/ARCHITECTURE.md section 17.2): check the folder's account
/// file, read the other devices' new files (the folder layer, <see cref="SyncFolder"/>), apply their
/// changes with the processed-file state in one transaction (<see cref="FolderApplier"/>), then write
/// this device's outbox as a new batch and, on request or after a key rotation, a compaction.
/// </summary>
internal static class FolderSync
{
    /// <summary>Syncs <paramref name="vault"/> through <paramref name="folder"/>.</summary>
    /// <exception cref="MSecureException">SyncNotConfigured, SyncFolderInvalid, SyncTampered, AccountKeyRotated.</exception>
    internal static SyncResult Run(UnlockedVault vault, string folder, bool compact, Action<SyncProgress>? progress)
    {
        var clock = Stopwatch.StartNew();
        (SyncState? state, bool serverBound) = vault.Read(() =>
            (SyncStateStore.Read(vault), MetaStore.Read(vault.Database).Server is not null));
        if (serverBound || (state is not null && state.Method != SyncState.FolderMethod))
        {
            throw MSecureErrors.SyncNotConfigured(vault.Path);
        }

        progress?.Invoke(new SyncProgress(SyncStage.Connecting, 0, 0, null));
        var files = new SyncFolder(folder, vault.Codec.Cipher.Keys, vault.VaultId);
        FolderAccountStatus status = files.EnsureAccount(state?.RotatedSinceSync ?? false);
        FolderState processed = status == FolderAccountStatus.TakenOver ? FolderState.Empty : FolderState.FromJson(state?.Folder);

        using var envelopes = new SyncEnvelope(vault.Codec.Cipher.Keys.RecordEncryption, vault.AccountId, files.FullPath);
        FolderReadResult read = files.ReadNew(processed);
        progress?.Invoke(new SyncProgress(SyncStage.Pulling, 0, 0, read.Files.Sum(file => (long)file.Changes.Count)));
        var applier = new FolderApplier(vault, envelopes);

        // No new file and nothing to record: the vault is not written (its state keeps its revision).
        if (read.Files.Count > 0 || state is null || state.RotatedSinceSync || status == FolderAccountStatus.TakenOver)
        {
            applier.Apply(read.Changes, waiting =>
            {
                FolderState after = read.StateExcept(read.Files.Where(file => file.Changes.Any(change => waiting.Contains(change.ChangeId))));
                return new SyncState(SyncState.FolderMethod, 0, after.ToJson());
            });
        }

        progress?.Invoke(new SyncProgress(SyncStage.Pushing, applier.Applied, 0, null));
        (List<FolderChange> outgoing, int pushed, Dictionary<Guid, long> exported) = FolderExport.Outbox(vault, envelopes);
        files.WriteBatch(outgoing);
        FolderExport.Clear(vault, exported);

        if (compact || status == FolderAccountStatus.TakenOver)
        {
            progress?.Invoke(new SyncProgress(SyncStage.Compacting, applier.Applied, pushed, null));
            FolderState current = FolderState.FromJson(vault.Read(() => SyncStateStore.Read(vault))?.Folder);
            files.Compact(FolderExport.Everything(vault, envelopes), current);
        }

        return new SyncResult(SyncMethod.Folder, files.FullPath, applier.Applied, pushed, applier.Conflicts, read.Warnings, clock.Elapsed);
    }
}
