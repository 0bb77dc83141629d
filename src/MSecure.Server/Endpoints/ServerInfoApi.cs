using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Http;
using MSecure.Server.Storage;

namespace MSecure.Server.Endpoints;

/// <summary>GET /v1/server and GET /health: no authentication.</summary>
internal static class ServerInfoApi
{
    public static IEndpointRouteBuilder MapServerInfoApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(AccountProtocol.ServerInfoRoute, (ServerSettings settings) => TypedResults.Json(
            new ServerInfoResponse { ProtocolVersion = AccountProtocol.Version, Registration = settings.Registration.ToString().ToLowerInvariant() },
            ProtocolJsonContext.Default.ServerInfoResponse));

        routes.MapGet(AccountProtocol.HealthRoute, async Task<IResult> (DatabaseMaintenance maintenance, CancellationToken cancellationToken) =>
            await maintenance.IsHealthyAsync(cancellationToken)
                ? TypedResults.Text("""{"status":"healthy"}""", "application/json")
                : Problems.Unavailable());
        return routes;
    }
}
