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

/// <summary>POST /v1/accounts: registers an account and its first device.</summary>
internal static class RegistrationApi
{
    public static IEndpointRouteBuilder MapRegistrationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(AccountProtocol.RegisterRoute, RegisterAsync);
        return routes;
    }

    private static async Task<IResult> RegisterAsync(
        HttpContext context, ServerSettings settings, AccountStore accounts, AccountRateLimiter rateLimiter, ILogger<ServerLog> log, CancellationToken cancellationToken)
    {
        (RegisterAccountRequest? request, IResult? problem) = await JsonBody.ReadAsync(
            context.Request, ProtocolJsonContext.Default.RegisterAccountRequest, RequestChecks.IsValid, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if ((rateLimiter.Check(RateLimitKeys.ForEmail(request.Email)) ?? rateLimiter.Check(RateLimitKeys.ForAccount(request.AccountId))) is { } limited)
        {
            return limited;
        }

        if (settings.Registration == RegistrationPolicy.Closed)
        {
            return Problems.RegistrationClosed();
        }

        byte[] statement = SignedStatements.Registration(request.AccountId, request.Email, request.PublicKey, request.Verifier);
        if (!Signatures.Verify(request.PublicKey, statement, request.Signature))
        {
            return Problems.SignatureInvalid();
        }

        (RegistrationOutcome outcome, Session? session) = await accounts.RegisterAsync(request, settings.Registration == RegistrationPolicy.Invite, cancellationToken);
        switch (outcome)
        {
            case RegistrationOutcome.AccountExists:
                return Problems.AccountExists();
            case RegistrationOutcome.InviteInvalid:
                return Problems.InviteInvalid();
            default:
                string emailReference = EmailKeys.LogReference(request.Email);
                ServerLog.Registered(log, request.AccountId, session!.DeviceId, emailReference);
                return TypedResults.Json(session.ToResponse(), ProtocolJsonContext.Default.SessionResponse, statusCode: StatusCodes.Status201Created);
        }
    }
}
