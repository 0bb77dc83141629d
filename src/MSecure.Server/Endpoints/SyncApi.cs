using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Http;
using MSecure.Server.Storage;

namespace MSecure.Server.Endpoints;

/// <summary>GET and POST /v1/sync/changes: the caller's own account's change log only.</summary>
internal static class SyncApi
{
    public static IEndpointRouteBuilder MapSyncApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(AccountProtocol.SyncChangesRoute, PullAsync);
        routes.MapPost(AccountProtocol.SyncChangesRoute, PushAsync);
        return routes;
    }

    private static async Task<IResult> PullAsync(
        HttpContext context, BearerAuthentication authentication, SyncStore sync, ILogger<ServerLog> log, CancellationToken cancellationToken)
    {
        (Caller? caller, IResult? problem) = await authentication.AuthenticateAsync(context, cancellationToken, RateLimitKeys.ForSync);
        if (caller is null)
        {
            return problem!;
        }

        if (!RequestChecks.TryParsePull(context.Request.Query, out long after, out int limit))
        {
            return Problems.InvalidRequest();
        }

        PullChangesResponse page = await sync.PullAsync(caller.AccountId, after, limit, cancellationToken);
        ServerLog.Pulled(log, caller.AccountId, caller.DeviceId, page.Changes.Count, after);
        return TypedResults.Json(page, ProtocolJsonContext.Default.PullChangesResponse);
    }

    private static async Task<IResult> PushAsync(
        HttpContext context, BearerAuthentication authentication, SyncStore sync, ILogger<ServerLog> log, CancellationToken cancellationToken)
    {
        (Caller? caller, IResult? problem) = await authentication.AuthenticateAsync(context, cancellationToken, RateLimitKeys.ForSync);
        if (caller is null)
        {
            return problem!;
        }

        (PushChangesRequest? request, problem) = await JsonBody.ReadAsync(
            context.Request, ProtocolJsonContext.Default.PushChangesRequest, RequestChecks.IsValid, cancellationToken, AccountProtocol.MaxPushBodyBytes);
        if (request is null)
        {
            return problem!;
        }

        (PushChangesResponse? response, PushRefusal refusal) = await sync.PushAsync(caller, request.Changes, cancellationToken);
        if (response is null)
        {
            ServerLog.PushRefused(log, caller.AccountId, caller.DeviceId, refusal);
            return refusal switch
            {
                PushRefusal.DeviceRevoked => Problems.DeviceRevoked(),
                PushRefusal.AccountKeyRotated => Problems.AccountKeyRotated(),
                _ => Problems.InvalidRequest(),
            };
        }

        int accepted = response.Results.Count(r => r.Outcome == SyncOutcomes.Accepted);
        int duplicates = response.Results.Count(r => r.Outcome == SyncOutcomes.Duplicate);
        ServerLog.Pushed(log, caller.AccountId, caller.DeviceId, accepted, duplicates, response.Results.Count - accepted - duplicates, response.LatestSequence);
        return TypedResults.Json(response, ProtocolJsonContext.Default.PushChangesResponse);
    }
}
