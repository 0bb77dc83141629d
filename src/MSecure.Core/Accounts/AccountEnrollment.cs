using System;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Vault;

namespace MSecure.Core.Accounts;

/// <summary>
/// Enrolls this device in an existing account (DESIGN.md section 4): the kit is opened locally with
/// the password, the device signs in with the key derived from the Account Key, downloads the
/// account's verifier and opens it, and only then creates the local vault: same Account Key and
/// account id, the key wrapped anew under the same password, the server recorded. Nothing is
/// written locally unless every step succeeded.
/// </summary>
public static class AccountEnrollment
{
    /// <summary>Enrolls and returns the new vault, unlocked, with the device signed in (its token in memory only).</summary>
    /// <param name="vaultPath">The new vault file; must not exist.</param>
    /// <param name="server">The account server's address.</param>
    /// <param name="certificateFingerprint">Its pinned certificate fingerprint, or null for the system trust store.</param>
    /// <param name="email">The account's email as the user typed it (compared with the kit's ignoring case and surrounding space).</param>
    /// <param name="kitText">The emergency kit's text.</param>
    /// <param name="password">The account's password (the one the kit was printed with).</param>
    /// <param name="deviceName">This device's name on the server.</param>
    /// <param name="options">Timeouts and retries; the defaults when null.</param>
    /// <param name="progress">Told of each step before it starts; may be null.</param>
    /// <exception cref="MSecureException">
    /// VaultAlreadyExists, KitNotAKit, KitMistyped, KitMalformed, KitUnsupportedVersion, WrongPassword, KitAccountMismatch, DeviceRevoked,
    /// AccountKeyRotated, RateLimited, ServerUnreachable, ServerCertificateMismatch, ServerProtocolError, InvalidArgument, VaultStorageFailed.
    /// </exception>
    public static VaultCreation Enroll(string vaultPath, Uri server, string? certificateFingerprint, string email, string kitText,
        ReadOnlySpan<char> password, string deviceName, AccountServerOptions? options = null, Action<EnrollmentStage>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(vaultPath);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(kitText);
        DeviceNames.Validate(deviceName);
        string fullPath = VaultFile.EnsureAbsent(vaultPath);
        var client = new AccountServerClient(server, certificateFingerprint, options);
        AccountConnection? connection = null;
        try
        {
            EmergencyKit kit = EmergencyKit.Parse(kitText);
            if (!string.Equals(email.Trim(), kit.Email.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                throw MSecureErrors.KitAccountMismatch("the kit was printed for another email address than the one given.");
            }

            progress?.Invoke(EnrollmentStage.OpeningKit);
            using AccountKey accountKey = kit.Open(password);
            using AccountKeys keys = AccountKeys.Derive(accountKey, kit.AccountId);
            connection = new AccountConnection(client, keys, kit.Email, deviceId: null, deviceName);
            client = null;

            progress?.Invoke(EnrollmentStage.SigningIn);
            SignIn(connection);

            progress?.Invoke(EnrollmentStage.VerifyingAccount);
            AccountResponse account = connection.Authorized(connection.Client.GetAccount);
            VerifyKitAccount(keys, account.AccountId, account.Verifier, "server's account", "on the server");

            progress?.Invoke(EnrollmentStage.CreatingVault);
            VaultCreation creation = CreateVault(fullPath, kit, accountKey, account.Verifier, password, connection);
            creation.Session.AttachAccount(connection);
            connection = null;

            progress?.Invoke(EnrollmentStage.Syncing);
            PullEverything(creation, fullPath);
            return creation;
        }
        finally
        {
            connection?.Dispose();
            client?.Dispose();
        }
    }

    /// <summary>Signs in as a new device; the server's one answer for "no such account or key" means the kit is not this account's.</summary>
    private static void SignIn(AccountConnection connection)
    {
        try
        {
            connection.SignIn();
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.SignInFailed)
        {
            throw MSecureErrors.KitAccountMismatch("the server has no account with this email whose key is the kit's.");
        }
    }

    /// <summary>
    /// The account's <paramref name="verifier"/> must open under the kit's Account Key: the kit is this account's, and the
    /// server (or sync folder) holds this account. <paramref name="holder"/> and <paramref name="location"/> name where the
    /// account was found ("server's account", "on the server").
    /// </summary>
    /// <exception cref="MSecureException">KitAccountMismatch.</exception>
    internal static void VerifyKitAccount(AccountKeys keys, Guid accountId, byte[] verifier, string holder, string location)
    {
        if (accountId != keys.AccountId)
        {
            throw MSecureErrors.KitAccountMismatch($"the {holder} has another account id than the kit.");
        }

        try
        {
            AccountVerifier.Verify(keys, verifier);
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.VerifierMismatch or MSecureErrorCode.EnvelopeTruncated
            or MSecureErrorCode.EnvelopeUnsupportedVersion)
        {
            throw MSecureErrors.KitAccountMismatch($"the account's verifier {location} does not open with the kit's Account Key.");
        }
    }

    /// <summary>Creates the vault; when that fails after the server enrolled this device, the new device is revoked again (best effort).</summary>
    private static VaultCreation CreateVault(string fullPath, EmergencyKit kit, AccountKey accountKey, byte[] verifier, ReadOnlySpan<char> password,
        AccountConnection connection)
    {
        try
        {
            return VaultFile.CreateEnrolled(fullPath, kit.Email, accountKey, kit.AccountId, verifier, password, kit.WrappedAccountKey.KdfParameters,
                connection.Binding);
        }
        catch (MSecureException)
        {
            RevokeQuietly(connection);
            throw;
        }
    }

    /// <summary>
    /// Ends the enrollment with a full sync; when it fails, the new device is revoked (best effort),
    /// the new vault deleted, and the error thrown: a half-filled vault is never left behind.
    /// </summary>
    private static void PullEverything(VaultCreation creation, string fullPath)
    {
        try
        {
            creation.InitialSync = creation.Session.Sync();
        }
        catch (MSecureException)
        {
            try
            {
                Guid deviceId = creation.Session.Info.Server!.DeviceId;
                creation.Session.RemoveDevice(deviceId);
            }
            catch (MSecureException)
            {
                // The device stays listed; Remove-MSecureDevice can revoke it.
            }

            creation.Dispose();
            Storage.VaultFilePermissions.DeleteVaultFiles(fullPath);
            System.IO.File.Delete(Storage.WitnessFile.PathFor(fullPath));
            throw;
        }
    }

    private static void RevokeQuietly(AccountConnection connection)
    {
        try
        {
            Guid deviceId = connection.Binding.DeviceId;
            connection.Authorized(token =>
            {
                connection.Client.RevokeDevice(token, deviceId);
                return 0;
            });
        }
        catch (MSecureException)
        {
            // The device stays listed; Remove-MSecureDevice can revoke it.
        }
    }
}
