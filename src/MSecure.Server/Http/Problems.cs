using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MSecure.Core.Accounts.Protocol;

namespace MSecure.Server.Http;

/// <summary>
/// RFC 9457 problem+json answers with the protocol's stable <c>code</c>. Titles and details are fixed
/// texts: they never echo the request.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult InvalidRequest() =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidRequest, "The request is not valid.", "The body is not a well-formed request of this route (JSON shape, members, sizes or formats).");

    public static ProblemHttpResult PayloadTooLarge(int maxBytes = AccountProtocol.MaxRequestBodyBytes) =>
        Create(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "The request is too large.",
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Request bodies of this route are limited to {maxBytes} bytes."));

    public static ProblemHttpResult SignInFailed() =>
        Create(StatusCodes.Status401Unauthorized, ProblemCodes.SignInFailed, "Sign-in failed.", "The challenge or its signature was not accepted.");

    public static ProblemHttpResult TokenInvalid() =>
        Create(StatusCodes.Status401Unauthorized, ProblemCodes.TokenInvalid, "The bearer token is not valid.", "Sign in again.");

    public static ProblemHttpResult DeviceRevoked() =>
        Create(StatusCodes.Status403Forbidden, ProblemCodes.DeviceRevoked, "This device was revoked.", "Enroll the device again with the emergency kit.");

    public static ProblemHttpResult AccountKeyRotated() =>
        Create(StatusCodes.Status409Conflict, ProblemCodes.AccountKeyRotated, "The Account Key was replaced.", "Enroll this device again with the new emergency kit.");

    public static ProblemHttpResult RegistrationClosed() =>
        Create(StatusCodes.Status403Forbidden, ProblemCodes.RegistrationClosed, "Registration is closed.", "This server does not accept new accounts.");

    public static ProblemHttpResult InviteInvalid() =>
        Create(StatusCodes.Status403Forbidden, ProblemCodes.InviteInvalid, "The invite code is not valid.", "This server needs an unused, unexpired invite code.");

    public static ProblemHttpResult AccountExists() =>
        Create(StatusCodes.Status409Conflict, ProblemCodes.AccountExists, "The account exists.", "The account id or the email is registered with another key.");

    public static ProblemHttpResult SignatureInvalid() =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.SignatureInvalid, "A signature does not verify.", "The request's proof of possession was not accepted.");

    public static ProblemHttpResult NotFound() =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found.", "There is no such resource in this account.");

    public static ProblemHttpResult RateLimited() =>
        Create(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many requests.", "Wait for the time the Retry-After header gives.");

    public static ProblemHttpResult ServerError() =>
        Create(StatusCodes.Status500InternalServerError, ProblemCodes.ServerError, "The server failed.", "The request was not completed.");

    public static ProblemHttpResult Unavailable() =>
        Create(StatusCodes.Status503ServiceUnavailable, ProblemCodes.ServerError, "The server is unavailable.", "The database does not answer.");

    public static ProblemHttpResult AccessKeyInvalid() =>
        Create(StatusCodes.Status401Unauthorized, ProblemCodes.AccessKeyInvalid, "The access key is not valid.", "The key is unknown or its authorization does not match.");

    public static ProblemHttpResult AccessKeyExpired() =>
        Create(StatusCodes.Status401Unauthorized, ProblemCodes.AccessKeyExpired, "The access key has expired.", "Ask the vault's owner for a new key.");

    public static ProblemHttpResult AccessKeyRevoked() =>
        Create(StatusCodes.Status403Forbidden, ProblemCodes.AccessKeyRevoked, "The access key was revoked.", "Ask the vault's owner for a new key.");

    private static ProblemHttpResult Create(int status, string code, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Type = "urn:msecure:problem:" + code,
            Title = title,
            Status = status,
            Detail = detail,
            Extensions = new Dictionary<string, object?> { ["code"] = code },
        });
}
