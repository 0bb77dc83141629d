using MSecure.Core.Kit;
using MSecure.Core.Sync;

namespace MSecure.PowerShell.Vaults;

/// <summary>What an Account Key rotation left: the new kit, and the sync that pushed the re-encrypted records.</summary>
/// <param name="Kit">The new emergency kit.</param>
/// <param name="IsRegistered">Whether the vault is registered with an account server (so a sync should have run).</param>
/// <param name="Sync">The sync run after the rotation; null when the vault is not registered or that sync failed.</param>
internal sealed record AccountKeyRotation(EmergencyKit Kit, bool IsRegistered, SyncResult? Sync)
{
    /// <summary>Whether the vault is registered but the push after the rotation failed (the next Sync-MSecureVault sends the records).</summary>
    internal bool SyncFailed => IsRegistered && Sync is null;
}
