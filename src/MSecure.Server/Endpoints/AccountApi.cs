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

/// <summary>GET /v1/account and PUT /v1/account/key: the caller's own account only.</summary>
internal static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(AccountProtocol.AccountRoute, GetAccountAsync);
        routes.MapPut(AccountProtocol.AccountKeyRoute, RotateKeyAsync);
        return routes;
    }

    private static async Task<IResult> GetAccountAsync(HttpContext context, BearerAuthentication authentication, AccountStore accounts, CancellationToken cancellationToken)
    {
        (Caller? caller, IResult? problem) = await authentication.AuthenticateAsync(context, cancellationToken);
        if (caller is null)
        {
            return problem!;
        }

        AccountRecord? account = await accounts.FindAsync(caller.AccountId, cancellationToken);
        if (account is null || account.KeyGeneration != caller.KeyGeneration)
        {
            return Problems.AccountKeyRotated();
        }

        return TypedResults.Json(
            new AccountResponse { AccountId = account.AccountId, Email = account.Email, PublicKey = account.PublicKey, Verifier = account.Verifier, DeviceId = caller.DeviceId },
            ProtocolJsonContext.Default.AccountResponse);
    }

    private static async Task<IResult> RotateKeyAsync(
        HttpContext context, BearerAuthentication authentication, ChallengeStore challenges, AccountStore accounts, ILogger<ServerLog> log, CancellationToken cancellationToken)
    {
        (Caller? caller, IResult? problem) = await authentication.AuthenticateAsync(context, cancellationToken);
        if (caller is null)
        {
            return problem!;
        }

        (RotateAccountKeyRequest? request, problem) = await JsonBody.ReadAsync(
            context.Request, ProtocolJsonContext.Default.RotateAccountKeyRequest, RequestChecks.IsValid, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        ChallengeRecord? challenge = await challenges.ConsumeAsync(request.ChallengeId, cancellationToken);
        AccountRecord? account = await accounts.FindAsync(caller.AccountId, cancellationToken);
        if (account is null || account.KeyGeneration != caller.KeyGeneration)
        {
            return Problems.AccountKeyRotated();
        }

        // The challenge must be one issued for this account's email, unused and unexpired; then both keys must sign.
        byte[] statement = SignedStatements.KeyRotation(
            request.ChallengeId, challenge?.Nonce ?? new byte[AccountProtocol.NonceLength], account.AccountId, request.NewPublicKey, request.NewVerifier);
        if (challenge?.AccountId != account.AccountId
            || !Signatures.Verify(account.PublicKey, statement, request.OldKeySignature)
            || !Signatures.Verify(request.NewPublicKey, statement, request.NewKeySignature))
        {
            return Problems.SignatureInvalid();
        }

        Session? session = await accounts.RotateKeyAsync(account, request.NewPublicKey, request.NewVerifier, caller.DeviceId, cancellationToken);
        if (session is null)
        {
            return Problems.AccountKeyRotated();
        }

        ServerLog.KeyRotated(log, account.AccountId, account.KeyGeneration + 1, caller.DeviceId);
        return TypedResults.Json(session.ToResponse(), ProtocolJsonContext.Default.SessionResponse);
    }
}
