namespace MSecure.Core.OneTime;

/// <summary>The HMAC hash of a TOTP generator (RFC 6238 section 1.2).</summary>
public enum OneTimePasswordAlgorithm
{
    /// <summary>HMAC-SHA-1, the default of otpauth:// URIs and of most services.</summary>
    Sha1,

    /// <summary>HMAC-SHA-256.</summary>
    Sha256,

    /// <summary>HMAC-SHA-512.</summary>
    Sha512,
}
