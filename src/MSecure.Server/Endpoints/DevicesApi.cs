using System;
using System.Collections.Generic;
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

/// <summary>GET /v1/devices and DELETE /v1/devices/{id}: the caller's own account only.</summary>
internal static class DevicesApi
{
    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(AccountProtocol.DevicesRoute, ListAsync);
        routes.MapDelete(AccountProtocol.DeviceRoutePrefix + "{deviceId}", RevokeAsync);
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext context, BearerAuthentication authentication, DeviceStore devices, CancellationToken cancellationToken)
    {
        (Caller? caller, IResult? problem) = await authentication.AuthenticateAsync(context, cancellationToken);
        if (caller is null)
        {
            return problem!;
        }

        IReadOnlyList<DeviceRecord> records = await devices.ListAsync(caller.AccountId, cancellationToken);
        var response = new DeviceListResponse
        {
            Devices = records.Select(device => new DeviceResponse
            {
                DeviceId = device.DeviceId,
                Name = device.Name,
                EnrolledAt = DateTimeOffset.FromUnixTimeMilliseconds(device.EnrolledAtMs),
                LastSeenAt = DateTimeOffset.FromUnixTimeMilliseconds(device.LastSeenAtMs),
                RevokedAt = device.RevokedAtMs is long revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null,
                IsCurrent = device.DeviceId == caller.DeviceId,
            }).ToList(),
        };
        return TypedResults.Json(response, ProtocolJsonContext.Default.DeviceListResponse);
    }

    private static async Task<IResult> RevokeAsync(
        string deviceId, HttpContext context, BearerAuthentication authentication, DeviceStore devices, ILogger<ServerLog> log, CancellationToken cancellationToken)
    {
        (Caller? caller, IResult? problem) = await authentication.AuthenticateAsync(context, cancellationToken);
        if (caller is null)
        {
            return problem!;
        }

        // Not an id, or not a device of this account: the same 404, whoever owns it.
        if (!Guid.TryParse(deviceId, out Guid id) || !await devices.RevokeAsync(caller.AccountId, id, cancellationToken))
        {
            return Problems.NotFound();
        }

        ServerLog.DeviceRevoked(log, caller.AccountId, id);
        return TypedResults.NoContent();
    }
}
