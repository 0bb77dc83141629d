namespace MSecure.PowerShell.Models;

/// <summary>How a vault syncs.</summary>
public enum MSecureSyncMethod
{
    /// <summary>Through the account server the vault is connected to.</summary>
    Server,

    /// <summary>Through a shared folder (Sync-MSecureVault -Folder).</summary>
    Folder,
}
