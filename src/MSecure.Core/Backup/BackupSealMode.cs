namespace MSecure.Core.Backup;

/// <summary>How a backup file's key is made (docs/ARCHITECTURE.md section 19.4).</summary>
public enum BackupSealMode
{
    /// <summary>From a backup password of its own (Argon2id, never stored).</summary>
    Password = 1,

    /// <summary>From the vault's Account Key: the account's emergency kit and password restore it anywhere.</summary>
    AccountKey = 2,
}
