using System;
using System.IO;
using System.Security;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Secrets;

namespace MSecure.PowerShell.Vaults;

/// <summary>The unlocked session a record cmdlet works with, and the key changes that may also run on a locked vault.</summary>
internal static class VaultAccess
{
    /// <summary>
    /// A lease on the session Unlock-MSecureVault (or New-MSecureVault) left for <paramref name="path"/>:
    /// a cmdlet holds it (<c>using</c>) for its whole sequence of engine calls, so the idle
    /// timeout cannot lock the vault in the middle; the idle clock restarts when it is released.
    /// </summary>
    /// <exception cref="MSecureException">VaultLocked when this session has not unlocked it (or it timed out); VaultNotFound when there is no such file.</exception>
    internal static SessionLease<VaultSession> Unlocked(string path)
    {
        SessionLease<VaultSession>? lease = VaultSessions.Cache.TryAcquire(path);
        if (lease is not null)
        {
            if (!lease.Session.IsLocked)
            {
                return lease;
            }

            lease.Dispose();
        }

        EnsureExists(path);
        throw new MSecureException(MSecureErrorCode.VaultLocked, MSecureErrorCategory.InvalidOperation,
            $"The vault '{VaultLocations.NameOf(path)}' is locked: unlock it first with Unlock-MSecureVault.");
    }

    /// <summary>VaultNotFound unless a vault file exists at <paramref name="path"/>: checked before asking for a password.</summary>
    /// <exception cref="MSecureException">VaultNotFound.</exception>
    internal static void EnsureExists(string path)
    {
        if (!File.Exists(path))
        {
            throw MSecureErrors.VaultNotFound(path);
        }
    }

    /// <summary>
    /// Re-wraps the Account Key under <paramref name="newPassword"/>, offline. Uses the unlocked
    /// session when there is one; otherwise unlocks the vault with the current password just for
    /// this, and locks it again.
    /// </summary>
    /// <exception cref="MSecureException">WrongPassword, VaultNotFound, VaultBusy.</exception>
    internal static EmergencyKit ChangePassword(string path, SecureString currentPassword, SecureString newPassword) =>
        WithSession(path, currentPassword, session =>
            SecureStrings.Use(currentPassword, newPassword, (current, next) => session.ChangePassword(current, next)));

    /// <summary>Replaces the Account Key, re-encrypting every record; the unlocked session (if any) continues with the new keys.</summary>
    /// <exception cref="MSecureException">WrongPassword, VaultNotFound, RecordTampered (nothing changed), VaultBusy.</exception>
    internal static EmergencyKit RotateAccountKey(string path, SecureString password) =>
        WithSession(path, password, session => SecureStrings.Use(password, characters => session.RotateAccountKey(characters)));

    private static EmergencyKit WithSession(string path, SecureString password, Func<VaultSession, EmergencyKit> change)
    {
        using (SessionLease<VaultSession>? lease = VaultSessions.Cache.TryAcquire(path))
        {
            if (lease is not null && !lease.Session.IsLocked)
            {
                return change(lease.Session);
            }
        }

        using VaultFile file = VaultFile.Open(path);
        using VaultSession temporary = SecureStrings.Use(password, file.Unlock);
        return change(temporary);
    }
}
