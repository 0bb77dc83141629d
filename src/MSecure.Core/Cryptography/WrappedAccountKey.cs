using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Cryptography;

/// <summary>
/// The Account Key encrypted under the unlock key: an <see cref="Envelope"/> of the 46 AK
/// bytes (75 bytes in all) whose associated data binds the account id, the KDF parameters and
/// the salt. Stored in the local vault and printed in the emergency kit. Holds no secret.
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
    public WrappedAccountKey(Guid accountId, KdfParameters kdfParameters, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> envelope)
    {
        kdfParameters.EnsureWithinBounds();
        UnlockKeyDerivation.EnsureSaltLength(salt.Length);
        if (envelope.Length != EnvelopeLength)
        {
            throw MSecureErrors.InvalidArgument("envelope", "a wrapped Account Key must be exactly 75 bytes long.");
        }

        AccountId = accountId;
        KdfParameters = kdfParameters;
        _salt = salt.ToArray();
        _envelope = envelope.ToArray();
    }

    /// <summary>The account the key belongs to.</summary>
    public Guid AccountId { get; }

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
    /// <param name="accountKey">The key to wrap.</param>
    /// <param name="password">The password; NFKC-normalised, not trimmed.</param>
    /// <param name="kdfParameters">The KDF cost; <see cref="KdfParameters.Default"/> when null.</param>
    public static WrappedAccountKey Wrap(Guid accountId, AccountKey accountKey, ReadOnlySpan<char> password, KdfParameters? kdfParameters = null)
    {
        ArgumentNullException.ThrowIfNull(accountKey);
        KdfParameters parameters = kdfParameters ?? KdfParameters.Default;
        byte[] salt = UnlockKeyDerivation.CreateSalt();
        using SecretKey unlockKey = UnlockKeyDerivation.Derive(password, salt, parameters);
        byte[] envelope = Envelope.Seal(unlockKey, AssociatedData.ForWrappedAccountKey(accountId, parameters, salt), accountKey.AsciiBytes);
        return new WrappedAccountKey(accountId, parameters, salt, envelope);
    }

    /// <summary>Derives the unlock key from <paramref name="password"/> and decrypts the Account Key.</summary>
    /// <exception cref="MSecureException">
    /// WrongPassword when the envelope does not open (a wrong password, or stored fields changed);
    /// EnvelopeUnsupportedVersion for an envelope of an unknown version.
    /// </exception>
    public AccountKey Unwrap(ReadOnlySpan<char> password)
    {
        using SecretKey unlockKey = UnlockKeyDerivation.Derive(password, _salt, KdfParameters);
        byte[] accountKeyBytes = GC.AllocateArray<byte>(AccountKey.Length, pinned: true);
        try
        {
            Envelope.Open(unlockKey, AssociatedData.ForWrappedAccountKey(AccountId, KdfParameters, _salt), _envelope, accountKeyBytes);
            return AccountKey.FromAscii(accountKeyBytes);
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.EnvelopeAuthenticationFailed)
        {
            throw MSecureErrors.WrongPassword();
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
        return Wrap(AccountId, accountKey, newPassword, newKdfParameters ?? KdfParameters);
    }

    /// <summary>Names the account and the KDF cost.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "WrappedAccountKey (account {0}, {1} KiB, {2} passes, {3} lanes)",
            AccountId, KdfParameters.MemoryKiB, KdfParameters.Passes, KdfParameters.Lanes);
}
