using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Endpoints;
using MSecure.Server.Hosting;
using MSecure.Server.Http;
using MSecure.Server.Storage;

namespace MSecure.Server;

/// <summary>The MSecure account server: the command line and the tests start it the same way.</summary>
public static class MSecureServer
{
    /// <summary>
    /// Migrates the database, then serves HTTPS (or, with <see cref="ServerSettings.DevelopmentHttp"/>,
    /// plain HTTP on loopback) until the returned server is disposed.
    /// </summary>
    public static async Task<RunningServer> StartAsync(ServerSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.DevelopmentHttp && !IPAddress.IsLoopback(settings.ListenAddress))
        {
            throw new ArgumentException("Plain HTTP is served on a loopback address only.", nameof(settings));
        }

        PrepareDataDirectory(settings.DataDirectory);
        X509Certificate2? certificate = settings.DevelopmentHttp ? null : ServerCertificate.LoadOrCreate(settings.DataDirectory);

        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = settings.ConfigurationArguments.ToArray(),
            ApplicationName = "msecure-server",
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Framework request chatter stays out of the log unless configuration asks for it.
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = AccountProtocol.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Listen(settings.ListenAddress, settings.Port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => Database.Create(settings));
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<ChallengeStore>();
        builder.Services.AddSingleton<DeviceStore>();
        builder.Services.AddSingleton<TokenStore>();
        builder.Services.AddSingleton<InviteStore>();
        builder.Services.AddSingleton<SyncStore>();
        builder.Services.AddSingleton<AccessStore>();
        builder.Services.AddSingleton<AccessKeyAuthentication>();
        builder.Services.AddSingleton<DatabaseMaintenance>();
        builder.Services.AddSingleton<AccountRateLimiter>();
        builder.Services.AddSingleton<BearerAuthentication>();
        builder.Services.AddHostedService<ExpiredRowsCleanup>();
        builder.Services.AddRateLimiter(limiter =>
        {
            // Per client address, before anything else runs; /health stays free for load balancers.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments(AccountProtocol.HealthRoute)
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.RateLimitPerAddress,
                        Window = settings.RateLimitWindow,
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = (rejected, _) => new RateLimitedResult(
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter) ? retryAfter : settings.RateLimitWindow)
                .ExecuteAsync(rejected.HttpContext).ToValueTask();
        });

        WebApplication app = builder.Build();

        app.UseMiddleware<ErrorHandling>();
        app.UseRateLimiter();

        app.MapServerInfoApi();
        app.MapRegistrationApi();
        app.MapAuthApi();
        app.MapAccountApi();
        app.MapDevicesApi();
        app.MapSyncApi();
        app.MapAccessApi();
        app.MapFallback(() => Problems.NotFound());

        Database database = app.Services.GetRequiredService<Database>();
        await Migrations.ApplyAsync(database, cancellationToken);
        ILogger<ServerLog> log = app.Services.GetRequiredService<ILogger<ServerLog>>();
        ServerLog.SchemaReady(log, database.Name, Migrations.LatestVersion);

        await app.StartAsync(cancellationToken);
        return new RunningServer(app, ListeningAddress(app, settings), certificate is null ? string.Empty : ServerCertificate.Fingerprint(certificate));
    }

    /// <summary>Creates invite codes in the configured database and returns them (only their hashes are stored).</summary>
    public static async Task<System.Collections.Generic.IReadOnlyList<string>> CreateInvitesAsync(ServerSettings settings, int count, TimeSpan validity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        PrepareDataDirectory(settings.DataDirectory);
        using Database database = Database.Create(settings);
        await Migrations.ApplyAsync(database, cancellationToken);
        return await new InviteStore(database, TimeProvider.System).CreateAsync(count, validity, cancellationToken);
    }

    /// <summary>The fingerprint of the data folder's certificate (made first when there is none).</summary>
    public static string CertificateFingerprint(string dataDirectory)
    {
        PrepareDataDirectory(dataDirectory);
        using X509Certificate2 certificate = ServerCertificate.LoadOrCreate(dataDirectory);
        return ServerCertificate.Fingerprint(certificate);
    }

    private static void PrepareDataDirectory(string dataDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
        }
        else
        {
            Directory.CreateDirectory(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static Uri ListeningAddress(WebApplication app, ServerSettings settings)
    {
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        int port = new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
        string host = settings.ListenAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{settings.ListenAddress}]" : settings.ListenAddress.ToString();
        return new Uri($"{(settings.DevelopmentHttp ? "http" : "https")}://{host}:{port}/");
    }
}
