using System;
using System.IO;
using System.Security;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Secrets;

namespace MSecure.PowerShell.Vaults;

/// <summary>The unlocked session a record cmdlet works with, and the key changes that may also run on a locked vault.</summary>
internal static class VaultAccess
{
    /// <summary>
    /// A lease on the session Unlock-MSecureVault (or New-MSecureVault) left for the vault:
    /// a cmdlet holds it (<c>using</c>) for its whole sequence of engine calls, so the idle
    /// timeout cannot lock the vault in the middle; the idle clock restarts when it is released.
    /// </summary>
    /// <exception cref="MSecureException">
    /// VaultLocked when this session has not unlocked it (or it timed out) and MSECURE_SESSION is not set;
    /// SessionInvalid or SessionExpired when MSECURE_SESSION does not open it; VaultNotFound when there
    /// is no such file. For the default vault, the message names another vault that is unlocked.
    /// </exception>
    internal static SessionLease<VaultSession> Unlocked(VaultReference vault)
    {
        SessionLease<VaultSession>? lease = VaultSessions.Cache.TryAcquire(vault.Path);
        if (lease is not null)
        {
            if (!lease.Session.IsLocked)
            {
                return lease;
            }

            lease.Dispose();
        }

        EnsureExists(vault);
        if (FromSessionToken(vault.Path) is { } handedOff)
        {
            return handedOff;
        }

        string which = vault.IsDefault
            ? $"The default vault '{TerminalText.Of(VaultLocations.NameOf(vault.Path))}'{DefaultVault.Describe(vault.Source)}"
            : $"The vault '{TerminalText.Of(VaultLocations.NameOf(vault.Path))}'";
        string unlock = vault.IsDefault ? "Unlock-MSecureVault" : "Unlock-MSecureVault -Vault " + VaultTarget.ArgumentFor(vault.Path);
        throw new MSecureException(MSecureErrorCode.VaultLocked, MSecureErrorCategory.InvalidOperation,
            $"{which} is locked: unlock it first with {unlock}.{OtherUnlockedVaults.Hint(vault)}");
    }

    private static readonly object s_handOffGate = new();

    /// <summary>
    /// When MSECURE_SESSION is set: opens the vault with it (no KDF), caches the session like an
    /// unlock with the default idle timeout, and returns a lease on it; null when the variable is not set.
    /// </summary>
    /// <exception cref="MSecureException">SessionInvalid, SessionExpired, and the errors of opening the vault.</exception>
    private static SessionLease<VaultSession>? FromSessionToken(string path)
    {
        if (SessionTokens.FromEnvironment() is null)
        {
            return null;
        }

        // One opening at a time, so two runspaces never replace each other's fresh session.
        lock (s_handOffGate)
        {
            if (VaultSessions.Cache.TryAcquire(path) is { } lease)
            {
                if (!lease.Session.IsLocked)
                {
                    return lease;
                }

                lease.Dispose();
            }

            VaultSession? opened = SessionTokens.OpenFromEnvironment(path);
            if (opened is null)
            {
                return null;
            }

            VaultSessions.Cache.Add(path, opened);
            return VaultSessions.Cache.TryAcquire(path);
        }
    }

    /// <summary>VaultNotFound unless a vault file exists: checked before asking for a password.</summary>
    /// <exception cref="MSecureException">VaultNotFound; for the default vault, the message names another vault that is unlocked.</exception>
    internal static void EnsureExists(VaultReference vault)
    {
        if (!File.Exists(vault.Path))
        {
            string which = vault.IsDefault ? $" (the default vault{DefaultVault.Describe(vault.Source)})" : string.Empty;
            string hint = OtherUnlockedVaults.Hint(vault);
            if (vault.IsDefault && hint.Length == 0)
            {
                hint = " Create it with New-MSecureVault, name another vault with -Vault, or choose the default vault with Set-MSecureDefaultVault.";
            }

            throw new MSecureException(MSecureErrorCode.VaultNotFound, MSecureErrorCategory.ResourceUnavailable,
                $"No MSecure vault exists at '{TerminalText.Of(vault.Path)}'{which}.{hint}");
        }
    }

    /// <summary>
    /// Re-wraps the Account Key under <paramref name="newPassword"/>, offline. Uses the unlocked
    /// session when there is one; otherwise unlocks the vault with the current password just for
    /// this, and locks it again.
    /// </summary>
    /// <exception cref="MSecureException">WeakPassword (unless <paramref name="allowWeakPassword"/>), WrongPassword, VaultNotFound, VaultBusy.</exception>
    internal static EmergencyKit ChangePassword(string path, SecureString currentPassword, SecureString newPassword, bool allowWeakPassword) =>
        WithSession(path, currentPassword, session =>
            SecureStrings.Use(currentPassword, newPassword, (current, next) => session.ChangePassword(current, next, allowWeakPassword: allowWeakPassword)));

    /// <summary>
    /// Replaces the Account Key, re-encrypting every record; the unlocked session (if any) continues
    /// with the new keys. On a vault registered with an account server the engine then syncs, to
    /// push every re-encrypted record: the result says whether that sync ran, or why it failed.
    /// </summary>
    /// <exception cref="MSecureException">WrongPassword, VaultNotFound, RecordTampered (nothing changed), VaultBusy.</exception>
    internal static AccountKeyRotation RotateAccountKey(string path, SecureString password) =>
        WithSession(path, password, session =>
        {
            EmergencyKit kit = SecureStrings.Use(password, characters => session.RotateAccountKey(characters));
            return new AccountKeyRotation(kit, session.LastSync, session.LastSyncError);
        });

    /// <summary>
    /// Runs the full check of the vault (<see cref="VaultSession.Verify"/>) on the unlocked session when
    /// there is one; otherwise unlocks it just for this with the password <paramref name="readPassword"/>
    /// gives (asked only then), and locks it again.
    /// </summary>
    /// <exception cref="MSecureException">WrongPassword, VaultNotFound, VaultCorrupted, VaultTampered, VaultRolledBack (the vault does not unlock).</exception>
    internal static VaultCheckReport Verify(string path, Func<SecureString> readPassword) =>
        WithSession(path, readPassword, session => session.Verify());

    private static T WithSession<T>(string path, SecureString password, Func<VaultSession, T> use) => WithSession(path, () => password, use);

    private static T WithSession<T>(string path, Func<SecureString> readPassword, Func<VaultSession, T> use)
    {
        using (SessionLease<VaultSession>? lease = VaultSessions.Cache.TryAcquire(path))
        {
            if (lease is not null && !lease.Session.IsLocked)
            {
                return use(lease.Session);
            }
        }

        SecureString password = readPassword();
        using VaultFile file = VaultFile.Open(path);
        using VaultSession temporary = SecureStrings.Use(password, file.Unlock);
        return use(temporary);
    }
}
