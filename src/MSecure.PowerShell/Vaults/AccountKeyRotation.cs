using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Sync;

namespace MSecure.PowerShell.Vaults;

/// <summary>What an Account Key rotation left: the new kit, and the sync that pushed the re-encrypted records.</summary>
/// <param name="Kit">The new emergency kit.</param>
/// <param name="Sync">The sync run after the rotation; null when the vault is not connected to a server or that sync failed.</param>
/// <param name="SyncError">Why that sync failed (the next Sync-MSecureVault pushes everything then), or null.</param>
internal sealed record AccountKeyRotation(EmergencyKit Kit, SyncResult? Sync, MSecureException? SyncError);
