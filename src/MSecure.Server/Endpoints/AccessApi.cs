using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Cryptography;
using MSecure.Server.Http;
using MSecure.Server.Storage;

namespace MSecure.Server.Endpoints;

/// <summary>
/// Read-only access keys: a device registers a key, replaces its grants and revokes it (bearer token,
/// the caller's account only); the key itself reads its grants (GET /v1/access/records).
/// </summary>
internal static class AccessApi
{
    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPut(AccessProtocol.KeyRoutePrefix + "{keyId}", RegisterAsync);
        routes.MapDelete(AccessProtocol.KeyRoutePrefix + "{keyId}", RevokeAsync);
        routes.MapPut(AccessProtocol.KeyRoutePrefix + "{keyId}" + AccessProtocol.GrantsSuffix, PutGrantsAsync);
        routes.MapGet(AccessProtocol.RecordsRoute, ReadAsync);
        return routes;
    }

    private static async Task<IResult> RegisterAsync(
        string keyId, HttpContext context, BearerAuthentication authentication, AccessStore store, ILogger<ServerLog> log, CancellationToken cancellationToken)
    {
        (Caller? caller, IResult? problem) = await authentication.AuthenticateAsync(context, cancellationToken);
        if (caller is null)
        {
            return problem!;
        }

        (RegisterAccessKeyRequest? request, problem) = await JsonBody.ReadAsync(
            context.Request, AccessJsonContext.Default.RegisterAccessKeyRequest, r => r.AuthKeyHash is { Length: 32 }, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (!Guid.TryParse(keyId, out Guid id) || id == Guid.Empty
            || await store.RegisterAsync(caller.AccountId, id, request.AuthKeyHash, request.ExpiresAt, cancellationToken) != AccessKeyRegistration.Registered)
        {
            return Problems.InvalidRequest();
        }

        ServerLog.AccessKeyRegistered(log, caller.AccountId, id);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> PutGrantsAsync(
        string keyId, HttpContext context, BearerAuthentication authentication, AccessStore store, CancellationToken cancellationToken)
    {
        (Caller? caller, IResult? problem) = await authentication.AuthenticateAsync(context, cancellationToken, RateLimitKeys.ForSync);
        if (caller is null)
        {
            return problem!;
        }

        (PutAccessGrantsRequest? request, problem) = await JsonBody.ReadAsync(
            context.Request, AccessJsonContext.Default.PutAccessGrantsRequest, IsValid, cancellationToken, AccessProtocol.MaxGrantsBodyBytes);
        if (request is null)
        {
            return problem!;
        }

        if (!Guid.TryParse(keyId, out Guid id) || !await store.ReplaceGrantsAsync(caller.AccountId, id, request.Grants, cancellationToken))
        {
            return Problems.NotFound();
        }

        return TypedResults.NoContent();
    }

    private static async Task<IResult> RevokeAsync(
        string keyId, HttpContext context, BearerAuthentication authentication, AccessStore store, ILogger<ServerLog> log, CancellationToken cancellationToken)
    {
        (Caller? caller, IResult? problem) = await authentication.AuthenticateAsync(context, cancellationToken);
        if (caller is null)
        {
            return problem!;
        }

        if (!Guid.TryParse(keyId, out Guid id) || !await store.RevokeAsync(caller.AccountId, id, cancellationToken))
        {
            return Problems.NotFound();
        }

        ServerLog.AccessKeyRevoked(log, caller.AccountId, id);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ReadAsync(
        HttpContext context, AccessKeyAuthentication authentication, AccessStore store, CancellationToken cancellationToken)
    {
        (AccessKeyRecord? key, IResult? problem) = await authentication.AuthenticateAsync(context, cancellationToken);
        if (key is null)
        {
            return problem!;
        }

        List<AccessGrantMessage> grants = await store.ReadGrantsAsync(key.KeyId, cancellationToken);
        var response = new AccessRecordsResponse
        {
            KeyId = key.KeyId,
            ExpiresAt = key.ExpiresAtMs is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires) : null,
            Grants = grants,
        };
        return TypedResults.Json(response, AccessJsonContext.Default.AccessRecordsResponse);
    }

    private static bool IsValid(PutAccessGrantsRequest request)
    {
        if (request.Grants is null || request.Grants.Count > AccessProtocol.MaxGrants)
        {
            return false;
        }

        var seen = new HashSet<Guid>();
        foreach (AccessGrantMessage? grant in request.Grants)
        {
            if (grant is null || grant.RecordId == Guid.Empty || !seen.Add(grant.RecordId) || grant.Revision < 1 || grant.Expiry < 0
                || grant.Envelope is not { Length: >= Envelope.Overhead and <= AccessProtocol.MaxGrantEnvelopeBytes })
            {
                return false;
            }
        }

        return true;
    }
}
