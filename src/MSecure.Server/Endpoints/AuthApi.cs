using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Http;
using MSecure.Server.Security;
using MSecure.Server.Storage;

namespace MSecure.Server.Endpoints;

/// <summary>Challenge, sign-in and sign-out.</summary>
internal static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(AccountProtocol.ChallengeRoute, ChallengeAsync);
        routes.MapPost(AccountProtocol.SignInRoute, SignInAsync);
        routes.MapPost(AccountProtocol.SignOutRoute, SignOutAsync);
        return routes;
    }

    private static async Task<IResult> ChallengeAsync(HttpContext context, ChallengeStore challenges, AccountRateLimiter rateLimiter, CancellationToken cancellationToken)
    {
        (ChallengeRequest? request, IResult? problem) = await JsonBody.ReadAsync(
            context.Request, ProtocolJsonContext.Default.ChallengeRequest, RequestChecks.IsValid, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (rateLimiter.Check(RateLimitKeys.ForEmail(request.Email)) is { } limited)
        {
            return limited;
        }

        ChallengeResponse challenge = await challenges.IssueAsync(EmailKeys.Normalize(request.Email), cancellationToken);
        return TypedResults.Json(challenge, ProtocolJsonContext.Default.ChallengeResponse);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, Database database, ChallengeStore challenges, AccountStore accounts, DeviceStore devices, TokenStore tokens,
        AccountRateLimiter rateLimiter, ILogger<ServerLog> log, CancellationToken cancellationToken)
    {
        (SignInRequest? request, IResult? problem) = await JsonBody.ReadAsync(
            context.Request, ProtocolJsonContext.Default.SignInRequest, RequestChecks.IsValid, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (rateLimiter.Check(RateLimitKeys.ForAccount(request.AccountId)) is { } limited)
        {
            return limited;
        }

        ChallengeRecord? challenge = await challenges.ConsumeAsync(request.ChallengeId, cancellationToken);
        byte[] statement = SignedStatements.SignIn(request.ChallengeId, challenge?.Nonce ?? new byte[AccountProtocol.NonceLength], request.AccountId);
        AccountRecord? account = challenge?.AccountId == request.AccountId ? await accounts.FindAsync(request.AccountId, cancellationToken) : null;
        if (account is null)
        {
            // Unknown, used or expired challenge, unknown email, or another account: one answer, one verification's time.
            Signatures.VerifyDecoy(statement, request.Signature);
            ServerLog.SignInRefused(log, "challenge");
            return Problems.SignInFailed();
        }

        if (!Signatures.Verify(account.PublicKey, statement, request.Signature))
        {
            foreach (byte[] retired in await accounts.RetiredKeysAsync(account.AccountId, cancellationToken))
            {
                if (Signatures.Verify(retired, statement, request.Signature))
                {
                    ServerLog.SignInRefused(log, "retired key");
                    return Problems.AccountKeyRotated();
                }
            }

            ServerLog.SignInRefused(log, "signature");
            return Problems.SignInFailed();
        }

        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken);
        Guid? deviceId = await devices.ContinueOrEnrollAsync(connection, transaction, account.AccountId, request.DeviceId, request.DeviceName, cancellationToken);
        if (deviceId is not Guid device)
        {
            ServerLog.SignInRefused(log, "device revoked");
            return Problems.DeviceRevoked();
        }

        Session session = await tokens.IssueAsync(connection, transaction, account.AccountId, device, account.KeyGeneration, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ServerLog.SignedIn(log, account.AccountId, device);
        return TypedResults.Json(session.ToResponse(), ProtocolJsonContext.Default.SessionResponse);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, BearerAuthentication authentication, TokenStore tokens, CancellationToken cancellationToken)
    {
        (Caller? caller, IResult? problem) = await authentication.AuthenticateAsync(context, cancellationToken);
        if (caller is null)
        {
            return problem!;
        }

        await tokens.DeleteAsync(caller.TokenHash, cancellationToken);
        return TypedResults.NoContent();
    }
}
