using System;
using MSecure.Core.Cryptography;
using MSecure.Core.Vault;

namespace MSecure.Core.Sync;

/// <summary>
/// Inside an Account Key rotation's write transaction: the server dropped the account's change log
/// (or other devices cannot open the folder's old files), so every record goes to the outbox with
/// nothing on the server, and the sync state is re-sealed under the new keys with the cursor reset
/// and the rotation noted (the folder layer takes the folder over at its next sync).
/// </summary>
internal static class SyncAfterRotation
{
    /// <summary>Resets sync for the keys <paramref name="newKeys"/>; reads the current state with the vault's (old) keys.</summary>
    internal static void Reset(UnlockedVault vault, AccountKeys newKeys)
    {
        SyncOutbox.QueueAll(vault.Database);
        if (SyncStateStore.Read(vault) is { } state)
        {
            SyncStateStore.Write(vault.Database, newKeys, vault.VaultId, state with { Cursor = 0, RotatedSinceSync = true });
        }
    }
}
