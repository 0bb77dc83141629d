using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;

namespace MSecure.Core.Accounts;

/// <summary>
/// Turns a server's error answer into the matching <see cref="MSecureException"/>, by the
/// problem+json <c>code</c> member only (titles and details are for people and may change).
/// Nothing of the body reaches the message.
/// </summary>
internal static class ProblemAnswers
{
    /// <summary>The code of a token the server no longer accepts (expired, signed out): the caller signs in again.</summary>
    internal const string TokenInvalid = ProblemCodes.TokenInvalid;

    /// <summary>The exception for the failed <paramref name="response"/>.</summary>
    internal static MSecureException ToException(Uri server, HttpResponseMessage response, ProblemContext context)
    {
        string? code = ReadCode(response);
        return code switch
        {
            ProblemCodes.SignInFailed => MSecureErrors.SignInFailed(server),
            ProblemCodes.TokenInvalid => new MSecureException(MSecureErrorCode.SignInFailed, MSecureErrorCategory.AuthenticationError,
                MSecureErrors.SignInFailed(server).Message) { Data = { [TokenInvalid] = true } },
            ProblemCodes.DeviceRevoked => MSecureErrors.DeviceRevoked(server),
            ProblemCodes.AccountKeyRotated => MSecureErrors.AccountKeyRotated(server),
            ProblemCodes.RegistrationClosed => MSecureErrors.RegistrationRefused(server, inviteOnly: false),
            ProblemCodes.InviteInvalid => MSecureErrors.RegistrationRefused(server, inviteOnly: true),
            ProblemCodes.AccountExists => MSecureErrors.AccountAlreadyRegistered(server),
            ProblemCodes.NotFound when context.DeviceId is { } deviceId => MSecureErrors.DeviceNotFound(deviceId),
            ProblemCodes.AccessKeyInvalid => MSecureErrors.AccessKeyInvalid("the server does not know it, or its secret does not match"),
            ProblemCodes.AccessKeyExpired => MSecureErrors.AccessKeyExpired(null),
            ProblemCodes.AccessKeyRevoked => MSecureErrors.AccessKeyRevoked(),
            ProblemCodes.RateLimited => MSecureErrors.RateLimited(server, RetryAfter(response)),
            _ when response.StatusCode == HttpStatusCode.TooManyRequests => MSecureErrors.RateLimited(server, RetryAfter(response)),
            _ when TransientFailures.IsTransient(response.StatusCode) =>
                MSecureErrors.ServerUnreachable(server, Describe(response, code) + " (still failing after retries)."),
            _ => MSecureErrors.ServerProtocolError(server, Describe(response, code) + "."),
        };
    }

    /// <summary>Whether <paramref name="exception"/> says the bearer token is no longer accepted.</summary>
    internal static bool IsTokenInvalid(MSecureException exception) => exception.Data.Contains(TokenInvalid);

    private static string Describe(HttpResponseMessage response, string? code) => code is null
        ? string.Format(CultureInfo.InvariantCulture, "HTTP {0}", (int)response.StatusCode)
        : string.Format(CultureInfo.InvariantCulture, "HTTP {0}, code '{1}'", (int)response.StatusCode, Printable(code));

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : TimeSpan.Zero,
        _ => null,
    };

    private static string? ReadCode(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != AccountProtocol.ProblemMediaType)
        {
            return null;
        }

        try
        {
            byte[] body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            using JsonDocument document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("code", out JsonElement code)
                && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A code from the server as shown in a message: at most 40 ASCII letters and digits.</summary>
    private static string Printable(string code)
    {
        var builder = new System.Text.StringBuilder();
        foreach (char c in code)
        {
            if (builder.Length == 40)
            {
                break;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '?');
        }

        return builder.ToString();
    }
}
