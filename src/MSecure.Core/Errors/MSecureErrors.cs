using System;
using System.Globalization;

namespace MSecure.Core.Errors;

/// <summary>
/// Named factories for every expected failure, so each message is written once and reads
/// the same wherever it is raised. No factory takes a secret as an argument.
/// </summary>
public static class MSecureErrors
{
    private static MSecureException Create(MSecureErrorCode code, MSecureErrorCategory category, string message) =>
        new(code, category, message);

    private static string Format(string format, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>An Argon2 parameter is outside the limits of RFC 9106 section 3.1.</summary>
    public static MSecureException Argon2ParameterOutOfRange(string parameter, string limit) =>
        Create(MSecureErrorCode.Argon2ParameterOutOfRange, MSecureErrorCategory.InvalidArgument,
            Format("Argon2 parameter '{0}' is out of range: it must be {1} (RFC 9106, section 3.1).", parameter, limit));

    /// <summary>KDF parameters are outside the bounds MSecure accepts.</summary>
    public static MSecureException KdfParametersOutOfRange(string parameter, long value, long minimum, long maximum) =>
        Create(MSecureErrorCode.KdfParametersOutOfRange, MSecureErrorCategory.InvalidData,
            Format("Key derivation parameter '{0}' is {1}, outside the accepted range {2} to {3}. The data may be corrupted or hostile.",
                parameter, value, minimum, maximum));

    /// <summary>An unknown key derivation algorithm identifier.</summary>
    public static MSecureException KdfAlgorithmUnknown(int algorithm) =>
        Create(MSecureErrorCode.KdfParametersOutOfRange, MSecureErrorCategory.InvalidData,
            Format("Key derivation algorithm {0} is not known to this version of MSecure.", algorithm));

    /// <summary>Encrypted data shorter than header plus tag.</summary>
    public static MSecureException EnvelopeTruncated(int length, int minimum) =>
        Create(MSecureErrorCode.EnvelopeTruncated, MSecureErrorCategory.InvalidData,
            Format("Encrypted data is {0} bytes long, shorter than the {1} bytes of its header and tag: it is truncated or corrupted.", length, minimum));

    /// <summary>Encrypted data of an unknown format version.</summary>
    public static MSecureException EnvelopeUnsupportedVersion(int version) =>
        Create(MSecureErrorCode.EnvelopeUnsupportedVersion, MSecureErrorCategory.NotImplemented,
            Format("Encrypted data has format version {0}, which this version of MSecure cannot read. It was written by a newer version, or it is corrupted.", version));

    /// <summary>Authentication of encrypted data failed.</summary>
    public static MSecureException EnvelopeAuthenticationFailed(string what) =>
        Create(MSecureErrorCode.EnvelopeAuthenticationFailed, MSecureErrorCategory.InvalidData,
            Format("The {0} failed authentication: it was tampered with, corrupted, or does not belong here.", what));

    /// <summary>The text is not an emergency kit at all.</summary>
    public static MSecureException KitNotAKit(string reason) =>
        Create(MSecureErrorCode.KitNotAKit, MSecureErrorCategory.InvalidArgument,
            Format("This is not an MSecure emergency kit: {0}", reason));

    /// <summary>The kit text has a typing mistake.</summary>
    public static MSecureException KitMistyped(string reason) =>
        Create(MSecureErrorCode.KitMistyped, MSecureErrorCategory.InvalidArgument,
            Format("The emergency kit text has a typing mistake: {0} Check it against the printed kit.", reason));

    /// <summary>The kit uses an unknown format version.</summary>
    public static MSecureException KitUnsupportedVersion(int version) =>
        Create(MSecureErrorCode.KitUnsupportedVersion, MSecureErrorCategory.NotImplemented,
            Format("The emergency kit has format version {0}, which this version of MSecure cannot read. Update MSecure.", version));

    /// <summary>The kit's checksum matched but the content is not well formed.</summary>
    public static MSecureException KitMalformed(string reason) =>
        Create(MSecureErrorCode.KitMalformed, MSecureErrorCategory.InvalidData,
            Format("The emergency kit is damaged: {0}", reason));

    /// <summary>The password did not unwrap the Account Key.</summary>
    public static MSecureException WrongPassword() =>
        Create(MSecureErrorCode.WrongPassword, MSecureErrorCategory.AuthenticationError,
            "The password is wrong: it does not open this Account Key.");

    /// <summary>The verifier did not decrypt with the Account Key.</summary>
    public static MSecureException VerifierMismatch() =>
        Create(MSecureErrorCode.VerifierMismatch, MSecureErrorCategory.AuthenticationError,
            "The Account Key does not match this account: the verifier did not decrypt.");

    /// <summary>An Account Key text has the wrong length or characters. Never echoes the text.</summary>
    public static MSecureException InvalidAccountKey(string reason) =>
        Create(MSecureErrorCode.InvalidAccountKey, MSecureErrorCategory.InvalidArgument,
            Format("This is not a valid Account Key: {0}", reason));

    /// <summary>A generic out-of-range argument.</summary>
    public static MSecureException InvalidArgument(string parameter, string requirement) =>
        Create(MSecureErrorCode.InvalidArgument, MSecureErrorCategory.InvalidArgument,
            Format("'{0}' is invalid: {1}", parameter, requirement));

}
