using System;
using System.IO;
using MSecure.Core.Accounts;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Storage;
using MSecure.Core.Sync.Folder;
using MSecure.Core.Vault;

namespace MSecure.Core.Sync;

/// <summary>
/// Enrolls this device in an account that syncs through a folder, with no server: the kit is
/// opened locally with the password, the folder's account file must name the kit's account and
/// its verifier must open with the kit's Account Key, then the vault is created (same Account Key
/// and account id, the key wrapped anew under the password, no server) and every change in the
/// folder is pulled into it. When any step fails, no vault is left behind.
/// </summary>
public static class FolderEnrollment
{
    /// <summary>Enrolls and returns the new vault, unlocked, with <see cref="VaultCreation.InitialSync"/> set.</summary>
    /// <param name="vaultPath">The new vault file; must not exist.</param>
    /// <param name="folder">The sync folder the account's other devices use.</param>
    /// <param name="kitText">The emergency kit's text.</param>
    /// <param name="password">The account's password (the one the kit was printed with).</param>
    /// <param name="email">The account's email as the user typed it, or null to take the kit's (compared ignoring case and surrounding space).</param>
    /// <param name="progress">Told of each step before it starts; may be null.</param>
    /// <exception cref="MSecureException">
    /// VaultAlreadyExists, KitNotAKit, KitMistyped, KitMalformed, KitUnsupportedVersion, WrongPassword, KitAccountMismatch,
    /// SyncFolderInvalid, SyncTampered, AccountKeyRotated, VaultStorageFailed.
    /// </exception>
    public static VaultCreation Enroll(string vaultPath, string folder, string kitText, ReadOnlySpan<char> password,
        string? email = null, Action<EnrollmentStage>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(vaultPath);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(kitText);
        string fullPath = VaultFile.EnsureAbsent(vaultPath);
        string folderPath = Path.GetFullPath(folder);
        if (!Directory.Exists(folderPath))
        {
            throw MSecureErrors.SyncFolderInvalid(folderPath, "it does not exist (give the folder your sync tool shares).");
        }

        EmergencyKit kit = EmergencyKit.Parse(kitText);
        if (email is not null && !string.Equals(email.Trim(), kit.Email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw MSecureErrors.KitAccountMismatch("the kit was printed for another email address than the one given.");
        }

        progress?.Invoke(EnrollmentStage.OpeningKit);
        using AccountKey accountKey = kit.Open(password);
        using AccountKeys keys = AccountKeys.Derive(accountKey, kit.AccountId);

        progress?.Invoke(EnrollmentStage.VerifyingAccount);
        byte[] verifier = VerifyFolderAccount(folderPath, keys);

        progress?.Invoke(EnrollmentStage.CreatingVault);
        VaultCreation creation = VaultFile.CreateEnrolled(fullPath, kit.Email, accountKey, kit.AccountId, verifier, password,
            kit.WrappedAccountKey.KdfParameters, server: null);

        progress?.Invoke(EnrollmentStage.Syncing);
        PullEverything(creation, fullPath, folderPath);
        return creation;
    }

    /// <summary>The folder's verifier, once it is shown to be the kit's account's: same account id, and it opens under the kit's Account Key.</summary>
    private static byte[] VerifyFolderAccount(string folder, AccountKeys keys)
    {
        FolderAccountFile account = SyncFolder.ReadAccount(folder) ?? throw MSecureErrors.SyncFolderInvalid(folder,
            $"it has no {FolderFileName.AccountFileName}: no device of the account has synced through it yet (run Sync-MSecureVault -Folder on one first).");
        AccountEnrollment.VerifyKitAccount(keys, account.AccountId, account.Verifier, "sync folder's account", "in the sync folder");
        return account.Verifier;
    }

    /// <summary>Pulls every change of the folder into the new vault; on any failure deletes the vault (and its witness) and rethrows.</summary>
    private static void PullEverything(VaultCreation creation, string fullPath, string folder)
    {
        try
        {
            creation.InitialSync = creation.Session.SyncFolder(folder);
        }
        catch
        {
            creation.Dispose();
            VaultFilePermissions.DeleteVaultFiles(fullPath);
            File.Delete(WitnessFile.PathFor(fullPath));
            throw;
        }
    }
}
