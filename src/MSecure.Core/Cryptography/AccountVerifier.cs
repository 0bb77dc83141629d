using System;
using System.Security.Cryptography;
using System.Text;
using MSecure.Core.Errors;

namespace MSecure.Core.Cryptography;

/// <summary>
/// The verifier: a fixed known text sealed with the verifier key, associated data
/// <see cref="AssociatedData.ForVerifier"/>. A new device proves it holds the right Account
/// Key for an account by opening the server's copy and finding the known text.
/// </summary>
public static class AccountVerifier
{
    /// <summary>The known text inside every verifier.</summary>
    public const string KnownText =
        "MSecure for PowerShell. Copyright (c) 2026 MSecure for PowerShell contributors. This text proves the Account Key.";

    private static readonly byte[] KnownTextBytes = Encoding.ASCII.GetBytes(KnownText);

    /// <summary>Seals the known text for the account of <paramref name="keys"/>.</summary>
    public static byte[] Create(AccountKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Envelope.Seal(keys.Verifier, AssociatedData.ForVerifier(keys.AccountId), KnownTextBytes);
    }

    /// <summary>
    /// Opens <paramref name="verifier"/> with the keys' verifier key and compares the content to
    /// the known text in constant time.
    /// </summary>
    /// <exception cref="MSecureException">
    /// VerifierMismatch when the keys are not this account's (or the blob was tampered with);
    /// EnvelopeTruncated or EnvelopeUnsupportedVersion when the blob is not a verifier envelope at all.
    /// </exception>
    public static void Verify(AccountKeys keys, ReadOnlySpan<byte> verifier)
    {
        ArgumentNullException.ThrowIfNull(keys);
        byte[] content = new byte[Envelope.GetPlaintextLength(verifier.Length)];
        try
        {
            Envelope.Open(keys.Verifier, AssociatedData.ForVerifier(keys.AccountId), verifier, content);
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.EnvelopeAuthenticationFailed)
        {
            throw MSecureErrors.VerifierMismatch();
        }

        if (!CryptographicOperations.FixedTimeEquals(content, KnownTextBytes))
        {
            throw MSecureErrors.VerifierMismatch();
        }
    }
}
