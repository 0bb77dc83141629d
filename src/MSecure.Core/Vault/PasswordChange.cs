using System;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// Changes the password: re-wraps the same Account Key under a new unlock key. No record is
/// touched and nothing leaves the device. The KDF runs before the write lock is taken; the
/// write then checks that nobody changed the wrapped key meanwhile.
/// </summary>
internal static class PasswordChange
{
    /// <summary>Re-wraps the Account Key under <paramref name="newPassword"/> and returns the new kit.</summary>
    /// <exception cref="MSecureException">WrongPassword; VaultBusy when another process changed the key at the same moment.</exception>
    internal static EmergencyKit Run(UnlockedVault vault, ReadOnlySpan<char> currentPassword, ReadOnlySpan<char> newPassword, KdfParameters? kdfParameters)
    {
        kdfParameters?.EnsureWithinBounds();
        VaultMetadata before = vault.Read(() => MetaStore.Read(vault.Database));
        WrappedAccountKey rewrapped = before.ToWrappedAccountKey().ChangePassword(currentPassword, newPassword, kdfParameters);
        vault.WriteMetadata(() =>
        {
            EnsureUnchanged(vault, before);
            MetaStore.UpdateWrappedKey(vault.Database, rewrapped);
            return 0;
        });
        return new EmergencyKit(rewrapped);
    }

    /// <summary>Throws VaultBusy when the wrapped key in the file is no longer the one read before the KDF ran.</summary>
    internal static void EnsureUnchanged(UnlockedVault vault, VaultMetadata before)
    {
        VaultMetadata now = MetaStore.Read(vault.Database);
        if (!now.WrappedAccountKey.AsSpan().SequenceEqual(before.WrappedAccountKey))
        {
            throw MSecureErrors.VaultChangedConcurrently(vault.Database.Path);
        }
    }
}
