namespace MSecure.Core.Accounts.Protocol;

/// <summary>
/// The stable <c>code</c> member of every problem+json error body. Clients branch on the
/// code, never on the title or detail text. Fixed forever once released.
/// </summary>
public static class ProblemCodes
{
    /// <summary>400: malformed JSON, unknown or missing members, wrong sizes or formats.</summary>
    public const string InvalidRequest = "InvalidRequest";

    /// <summary>413: the body exceeds <see cref="AccountProtocol.MaxRequestBodyBytes"/>.</summary>
    public const string PayloadTooLarge = "PayloadTooLarge";

    /// <summary>
    /// 401: the challenge is unknown, used or expired, or the signature does not verify, or the
    /// email has no account. Deliberately one answer for all, so sign-in reveals no account.
    /// </summary>
    public const string SignInFailed = "SignInFailed";

    /// <summary>401: no bearer token, or an unknown, expired or revoked one.</summary>
    public const string TokenInvalid = "TokenInvalid";

    /// <summary>403: the device of the token or of the sign-in was revoked.</summary>
    public const string DeviceRevoked = "DeviceRevoked";

    /// <summary>
    /// 409: the Account Key was replaced on another device. Answered to a sign-in signed with a
    /// retired key and to tokens issued before the rotation; only a holder of the old key learns it.
    /// </summary>
    public const string AccountKeyRotated = "AccountKeyRotated";

    /// <summary>403: the server's registration policy is closed.</summary>
    public const string RegistrationClosed = "RegistrationClosed";

    /// <summary>403: invite-only registration and the invite code is missing, unknown, used or expired.</summary>
    public const string InviteInvalid = "InviteInvalid";

    /// <summary>409: the account id or the email is already registered (with another key).</summary>
    public const string AccountExists = "AccountExists";

    /// <summary>400: a signature in the request does not verify (registration or key rotation).</summary>
    public const string SignatureInvalid = "SignatureInvalid";

    /// <summary>404: no such resource in the caller's account.</summary>
    public const string NotFound = "NotFound";

    /// <summary>429: too many requests; the Retry-After header says when to try again.</summary>
    public const string RateLimited = "RateLimited";

    /// <summary>500/503: the server failed; nothing about the cause is disclosed.</summary>
    public const string ServerError = "ServerError";

    /// <summary>401: the access key is unknown or its authorization does not match.</summary>
    public const string AccessKeyInvalid = "AccessKeyInvalid";

    /// <summary>401: the access key has expired.</summary>
    public const string AccessKeyExpired = "AccessKeyExpired";

    /// <summary>403: the access key was revoked.</summary>
    public const string AccessKeyRevoked = "AccessKeyRevoked";
}
