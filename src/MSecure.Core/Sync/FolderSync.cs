using System;
using MSecure.Core.Errors;
using MSecure.Core.Storage;
using MSecure.Core.Vault;

namespace MSecure.Core.Sync;

/// <summary>Sync through a shared folder (docs/ARCHITECTURE.md section 17.2): the folder files (Folder/) and applying their changes here.</summary>
internal static class FolderSync
{
    /// <summary>Syncs <paramref name="vault"/> through <paramref name="folder"/>.</summary>
    internal static SyncResult Run(UnlockedVault vault, string folder, bool compact, Action<SyncProgress>? progress)
    {
        SyncState? state = vault.Read(() => SyncStateStore.Read(vault.Database, vault.Codec.Cipher.Keys, vault.VaultId));
        bool serverBound = vault.Read(() => MetaStore.Read(vault.Database).Server is not null);
        if (serverBound || (state is not null && state.Method != SyncState.FolderMethod))
        {
            throw MSecureErrors.SyncNotConfigured(vault.Path);
        }

        _ = (folder, compact, progress);
        throw new NotSupportedException("Folder sync is being written (issue 8).");
    }
}
