using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

namespace MSecure.Server.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task The_certificate_is_made_once_kept_0600_pinned_by_fingerprint_and_names_loopback()
    {
        ServerSettings settings = TestServer.DefaultSettings();
        string fingerprint;
        X509Certificate2? seen = null;
        await using (RunningServer server = await MSecureServer.StartAsync(settings, CancellationToken.None))
        {
            fingerprint = server.CertificateFingerprint;
            Assert.Matches("^[0-9A-F]{64}$", fingerprint);
            using var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                seen = new X509Certificate2(certificate!);
                return PinnedHttpClient.Fingerprint(certificate!) == server.CertificateFingerprint;
            };
            using var capture = new HttpClient(handler) { BaseAddress = server.BaseAddress };
            using HttpResponseMessage ok = await capture.GetAsync(AccountProtocol.HealthRoute);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

            using var unpinned = new HttpClient { BaseAddress = server.BaseAddress };
            await Assert.ThrowsAsync<HttpRequestException>(() => unpinned.GetAsync(AccountProtocol.HealthRoute));
            using HttpClient wrongPin = PinnedHttpClient.Create(server.BaseAddress, new string('A', 64));
            await Assert.ThrowsAsync<HttpRequestException>(() => wrongPin.GetAsync(AccountProtocol.HealthRoute));
        }

        using (seen)
        {
            Assert.Equal(fingerprint, PinnedHttpClient.Fingerprint(seen!));
            string names = seen!.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().Format(false);
            Assert.Contains("127.0.0.1", names, StringComparison.Ordinal);
            Assert.Contains("localhost", names, StringComparison.Ordinal);
        }

        string file = Path.Combine(settings.DataDirectory, "server-certificate.pfx");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        await using (RunningServer again = await MSecureServer.StartAsync(settings, CancellationToken.None))
        {
            Assert.Equal(fingerprint, again.CertificateFingerprint);
        }

        Assert.Equal(fingerprint, MSecureServer.CertificateFingerprint(settings.DataDirectory));
        Directory.Delete(settings.DataDirectory, true);
    }

    [Fact]
    public async Task Plain_http_is_served_on_loopback_only()
    {
        ServerSettings settings = TestServer.DefaultSettings() with { DevelopmentHttp = true };
        await Assert.ThrowsAsync<ArgumentException>(() => MSecureServer.StartAsync(settings with { ListenAddress = IPAddress.Any }, CancellationToken.None));

        await using (RunningServer server = await MSecureServer.StartAsync(settings, CancellationToken.None))
        {
            Assert.Equal("http", server.BaseAddress.Scheme);
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            using HttpResponseMessage health = await client.GetAsync(AccountProtocol.HealthRoute);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        Assert.False(File.Exists(Path.Combine(settings.DataDirectory, "server-certificate.pfx")));
        Directory.Delete(settings.DataDirectory, true);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Migrations_apply_once_even_for_concurrent_starts(string database)
    {
        await using TestServer first = await TestServer.StartAsync(database);
        ServerSettings shared = TestServer.DefaultSettings() with
        {
            DataDirectory = first.Settings.DataDirectory,
            PostgresConnectionString = first.Settings.PostgresConnectionString,
        };

        RunningServer[] more = await Task.WhenAll(
            MSecureServer.StartAsync(shared, CancellationToken.None),
            MSecureServer.StartAsync(shared, CancellationToken.None));
        foreach (RunningServer server in more)
        {
            await server.DisposeAsync();
        }

        // One row per version: each migration applied exactly once.
        Assert.Equal(MSecure.Server.Storage.Migrations.LatestVersion, (await first.ReadBlobsAsync("SELECT CAST(CAST(version AS TEXT) AS " + (database == TestDatabases.Postgres ? "bytea" : "BLOB") + ") FROM schema_migrations")).Count);
    }
}
