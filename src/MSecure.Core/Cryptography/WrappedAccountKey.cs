using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Cryptography;

/// <summary>
/// The Account Key encrypted under the unlock key: an <see cref="Envelope"/> of the 46 AK
/// bytes (75 bytes in all) whose associated data binds the account id, the email, the KDF
/// parameters and the salt. Stored in the local vault and printed in the emergency kit. Holds no
/// secret. Keys wrapped before the email was bound (legacy associated data) still open; a vault
/// re-wraps such a key when it is unlocked.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class WrappedAccountKey
{
    /// <summary>The envelope length: 1 version + 12 nonce + 46 AK + 16 tag.</summary>
    public const int EnvelopeLength = Envelope.Overhead + AccountKey.Length;

    /// <summary>The salt length in bytes.</summary>
    public const int SaltLength = UnlockKeyDerivation.SaltLength;

    private readonly byte[] _salt;
    private readonly byte[] _envelope;

    /// <summary>
    /// Rebuilds a wrapped key read from storage or a kit. Every field is checked before it is
    /// accepted, KDF bounds first, so hostile parameters never reach the KDF.
    /// </summary>
    /// <exception cref="MSecureException">KdfParametersOutOfRange, or InvalidArgument for a wrong salt or envelope length.</exception>
    public WrappedAccountKey(Guid accountId, string email, KdfParameters kdfParameters, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> envelope)
    {
        ArgumentNullException.ThrowIfNull(email);
        kdfParameters.EnsureWithinBounds();
        UnlockKeyDerivation.EnsureSaltLength(salt.Length);
        if (envelope.Length != EnvelopeLength)
        {
            throw MSecureErrors.InvalidArgument("envelope", "a wrapped Account Key must be exactly 75 bytes long.");
        }

        AccountId = accountId;
        Email = email;
        KdfParameters = kdfParameters;
        _salt = salt.ToArray();
        _envelope = envelope.ToArray();
    }

    /// <summary>The account the key belongs to.</summary>
    public Guid AccountId { get; }

    /// <summary>The account's email address, bound into the envelope.</summary>
    public string Email { get; }

    /// <summary>The cost of deriving the unlock key.</summary>
    public KdfParameters KdfParameters { get; }

    /// <summary>The 16-byte KDF salt.</summary>
    public ReadOnlyMemory<byte> Salt => _salt;

    /// <summary>The 75-byte envelope holding the Account Key.</summary>
    public ReadOnlyMemory<byte> EnvelopeBytes => _envelope;

    /// <summary>
    /// Wraps <paramref name="accountKey"/> under an unlock key derived from
    /// <paramref name="password"/> with a new random salt (and a new random nonce).
    /// </summary>
    /// <param name="accountId">The account the key belongs to.</param>
    /// <param name="email">The account's email address (bound into the envelope).</param>
    /// <param name="accountKey">The key to wrap.</param>
    /// <param name="password">The password; NFKC-normalised, not trimmed.</param>
    /// <param name="kdfParameters">The KDF cost; <see cref="KdfParameters.Default"/> when null.</param>
    public static WrappedAccountKey Wrap(Guid accountId, string email, AccountKey accountKey, ReadOnlySpan<char> password, KdfParameters? kdfParameters = null)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(accountKey);
        KdfParameters parameters = kdfParameters ?? KdfParameters.Default;
        byte[] salt = UnlockKeyDerivation.CreateSalt();
        using SecretKey unlockKey = UnlockKeyDerivation.Derive(password, salt, parameters);
        return Seal(accountId, email, parameters, salt, unlockKey, accountKey.AsciiBytes);
    }

    /// <summary>Derives the unlock key from <paramref name="password"/> and decrypts the Account Key.</summary>
    /// <exception cref="MSecureException">
    /// WrongPassword when the envelope does not open (a wrong password, or stored fields changed);
    /// EnvelopeUnsupportedVersion for an envelope of an unknown version.
    /// </exception>
    public AccountKey Unwrap(ReadOnlySpan<char> password) => Unwrap(password, out _);

    /// <summary>
    /// <see cref="Unwrap(ReadOnlySpan{char})"/>; when the key was wrapped with the legacy associated
    /// data (no email), <paramref name="upgraded"/> is the same key wrapped again under the same
    /// unlock key (same salt and parameters, a new nonce) with the email bound; otherwise null.
    /// </summary>
    internal AccountKey Unwrap(ReadOnlySpan<char> password, out WrappedAccountKey? upgraded)
    {
        using SecretKey unlockKey = UnlockKeyDerivation.Derive(password, _salt, KdfParameters);
        byte[] accountKeyBytes = GC.AllocateArray<byte>(AccountKey.Length, pinned: true);
        try
        {
            upgraded = null;
            if (!TryOpen(unlockKey, AssociatedData.ForWrappedAccountKey(AccountId, Email, KdfParameters, _salt), accountKeyBytes))
            {
                // An envelope sealed with the email bound never opens under the legacy context, so an
                // altered email fails both ways.
                if (!TryOpen(unlockKey, AssociatedData.ForLegacyWrappedAccountKey(AccountId, KdfParameters, _salt), accountKeyBytes))
                {
                    throw MSecureErrors.WrongPassword();
                }

                upgraded = Seal(AccountId, Email, KdfParameters, _salt, unlockKey, accountKeyBytes);
            }

            return AccountKey.FromAscii(accountKeyBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(accountKeyBytes);
        }
    }

    /// <summary>
    /// Password change: unwraps with <paramref name="currentPassword"/> and wraps the same
    /// Account Key under <paramref name="newPassword"/> with a new salt and nonce. No record is
    /// touched; the old wrapped key (and any kit printed from it) still opens with the old password.
    /// </summary>
    /// <param name="currentPassword">The password that opens this wrapped key.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="newKdfParameters">The new KDF cost; the current one when null.</param>
    public WrappedAccountKey ChangePassword(ReadOnlySpan<char> currentPassword, ReadOnlySpan<char> newPassword, KdfParameters? newKdfParameters = null)
    {
        using AccountKey accountKey = Unwrap(currentPassword);
        return Wrap(AccountId, Email, accountKey, newPassword, newKdfParameters ?? KdfParameters);
    }

    private static WrappedAccountKey Seal(Guid accountId, string email, KdfParameters parameters, byte[] salt, SecretKey unlockKey, ReadOnlySpan<byte> accountKeyBytes)
    {
        byte[] envelope = Envelope.Seal(unlockKey, AssociatedData.ForWrappedAccountKey(accountId, email, parameters, salt), accountKeyBytes);
        return new WrappedAccountKey(accountId, email, parameters, salt, envelope);
    }

    private bool TryOpen(SecretKey unlockKey, byte[] associatedData, Span<byte> accountKeyBytes)
    {
        try
        {
            Envelope.Open(unlockKey, associatedData, _envelope, accountKeyBytes);
            return true;
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.EnvelopeAuthenticationFailed)
        {
            return false;
        }
    }

    /// <summary>Names the account and the KDF cost.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "WrappedAccountKey (account {0}, {1} KiB, {2} passes, {3} lanes)",
            AccountId, KdfParameters.MemoryKiB, KdfParameters.Passes, KdfParameters.Lanes);
}
