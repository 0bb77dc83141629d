using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Kit;

/// <summary>
/// The emergency kit: the wrapped Account Key, the account id and the email, as one line of
/// QR-alphanumeric text (see docs/ARCHITECTURE.md). It holds no secret in clear, but it is
/// the target of an offline password guess, so it is printed and stored with care.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class EmergencyKit
{
    /// <summary>The longest email address, in UTF-8 bytes (RFC 5321's path limit minus the angle brackets).</summary>
    public const int MaximumEmailByteLength = 254;

    /// <summary>Creates the kit of a wrapped Account Key (which carries the account id and the email).</summary>
    /// <exception cref="MSecureException">
    /// The email is empty or only white space, contains a control character, is longer than 254
    /// UTF-8 bytes, or is not valid Unicode (code InvalidArgument).
    /// </exception>
    public EmergencyKit(WrappedAccountKey wrappedAccountKey)
    {
        ArgumentNullException.ThrowIfNull(wrappedAccountKey);
        ValidateEmail(wrappedAccountKey.Email);
        WrappedAccountKey = wrappedAccountKey;
    }

    /// <summary>The account id.</summary>
    public Guid AccountId => WrappedAccountKey.AccountId;

    /// <summary>The account's email address (bound into the wrapped key, so an altered one does not open).</summary>
    public string Email => WrappedAccountKey.Email;

    /// <summary>The Account Key, wrapped under the password at the time the kit was written.</summary>
    public WrappedAccountKey WrappedAccountKey { get; }

    /// <summary>
    /// Reads kit text, typed or scanned. Lower case, dashes and whitespace are tolerated.
    /// No KDF runs here; the KDF parameters are checked against their bounds.
    /// </summary>
    /// <exception cref="MSecureException">
    /// KitNotAKit (no MSK prefix, or far too short), KitMistyped (a character outside the kit
    /// alphabet, named by position, or a checksum mismatch), KitUnsupportedVersion (checksum right,
    /// unknown version), KitMalformed or KdfParametersOutOfRange (checksum right, content wrong).
    /// </exception>
    public static EmergencyKit Parse(string text) => KitBody.Read(KitText.Decode(text));

    /// <summary>The kit as text: <c>MSK-</c> then groups of five Base32 characters joined by <c>-</c>.</summary>
    public string ToText() => KitText.Encode(KitBody.Write(this));

    /// <summary>Opens the kit with the password it was written under.</summary>
    /// <exception cref="MSecureException">WrongPassword.</exception>
    public AccountKey Open(ReadOnlySpan<char> password) => WrappedAccountKey.Unwrap(password);

    /// <summary>Names the account only.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "EmergencyKit (account {0})", AccountId);

    /// <summary>
    /// Checks an email address the way every vault and kit needs it: not empty or only white
    /// space, no control characters, valid Unicode, at most 254 UTF-8 bytes (so a printed kit
    /// can always show it). Called where vaults are created and kits constructed.
    /// </summary>
    /// <exception cref="MSecureException">InvalidArgument, saying which rule the email breaks.</exception>
    internal static void ValidateEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (string.IsNullOrWhiteSpace(email))
        {
            throw MSecureErrors.InvalidArgument("email", "it is empty or only white space.");
        }

        foreach (char c in email)
        {
            if (char.IsControl(c))
            {
                throw MSecureErrors.InvalidArgument("email", "it contains a control character.");
            }
        }

        EnsureEmailLength(email);
    }

    private static void EnsureEmailLength(string email)
    {
        int byteCount;
        try
        {
            byteCount = StrictUtf8.Encoding.GetByteCount(email);
        }
        catch (EncoderFallbackException)
        {
            throw MSecureErrors.InvalidArgument("email", "it is not valid Unicode text.");
        }

        if (byteCount is < 1 or > MaximumEmailByteLength)
        {
            throw MSecureErrors.InvalidArgument("email", "it must be 1 to 254 bytes long in UTF-8.");
        }
    }
}
