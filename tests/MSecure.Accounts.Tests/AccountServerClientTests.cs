using System;
using System.Net;
using System.Net.Sockets;
using MSecure.Core.Accounts;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;
using Xunit;

namespace MSecure.Accounts.Tests;

/// <summary>The client's retries, error mapping, strict bodies and address rules, against canned answers.</summary>
public sealed class AccountServerClientTests
{
    private const string ServerInfo = "{\"protocolVersion\":1,\"registration\":\"open\"}";

    private static AccountServerOptions Fast => AccountServerHost.ClientOptions with { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(5) };

    [Fact]
    public void GatewayErrors_AreRetried_UntilAnAnswerComes()
    {
        using var server = new CannedHttpServer(
            CannedHttpServer.Response(503, "text/plain", "busy"),
            CannedHttpServer.Response(502, "text/plain", "bad gateway"),
            CannedHttpServer.Response(200, "application/json", ServerInfo));
        using var client = new AccountServerClient(server.Server, null, Fast);

        Assert.Equal("open", client.GetServerInfo().Registration);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public void GatewayErrors_AfterTheLastRetry_AreServerUnreachable()
    {
        using var server = new CannedHttpServer(CannedHttpServer.Response(504, "text/plain", "timeout"));
        using var client = new AccountServerClient(server.Server, null, Fast);

        MSecureException error = Assert.Throws<MSecureException>(() => client.GetServerInfo());
        Assert.Equal(MSecureErrorCode.ServerUnreachable, error.Code);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public void RateLimiting_IsNotRetried_AndCarriesRetryAfter()
    {
        using var server = new CannedHttpServer(CannedHttpServer.Problem(429, ProblemCodes.RateLimited, "Retry-After: 7\r\n"));
        using var client = new AccountServerClient(server.Server, null, Fast);

        MSecureException error = Assert.Throws<MSecureException>(() => client.Challenge("alice@example.com"));
        Assert.Equal(MSecureErrorCode.RateLimited, error.Code);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Contains("7 seconds", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData(ProblemCodes.DeviceRevoked, 403, MSecureErrorCode.DeviceRevoked)]
    [InlineData(ProblemCodes.AccountKeyRotated, 409, MSecureErrorCode.AccountKeyRotated)]
    [InlineData(ProblemCodes.SignInFailed, 401, MSecureErrorCode.SignInFailed)]
    [InlineData(ProblemCodes.RegistrationClosed, 403, MSecureErrorCode.RegistrationRefused)]
    [InlineData(ProblemCodes.InviteInvalid, 403, MSecureErrorCode.RegistrationRefused)]
    [InlineData(ProblemCodes.AccountExists, 409, MSecureErrorCode.AccountAlreadyRegistered)]
    [InlineData("SomethingNew", 418, MSecureErrorCode.ServerProtocolError)]
    public void ProblemCodes_MapToErrorCodes_WithoutEchoingTheBody(string code, int status, MSecureErrorCode expected)
    {
        using var server = new CannedHttpServer(CannedHttpServer.Problem(status, code));
        using var client = new AccountServerClient(server.Server, null, Fast);

        MSecureException error = Assert.Throws<MSecureException>(() => client.Challenge("alice@example.com"));
        Assert.Equal(expected, error.Code);
        Assert.DoesNotContain("alice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotFound_OfADevice_IsDeviceNotFound()
    {
        using var server = new CannedHttpServer(CannedHttpServer.Problem(404, ProblemCodes.NotFound));
        using var client = new AccountServerClient(server.Server, null, Fast);
        Guid device = Guid.NewGuid();

        MSecureException error = Assert.Throws<MSecureException>(() => client.RevokeDevice("mst_token", device));
        Assert.Equal(MSecureErrorCode.DeviceNotFound, error.Code);
        Assert.DoesNotContain("mst_token", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"protocolVersion\":1,\"registration\":\"open\",\"extra\":1}")]
    [InlineData("{\"protocolVersion\":1}")]
    [InlineData("not json")]
    [InlineData("")]
    public void BodiesOutsideTheProtocol_AreServerProtocolError(string body)
    {
        using var server = new CannedHttpServer(CannedHttpServer.Response(200, "application/json", body));
        using var client = new AccountServerClient(server.Server, null, Fast);

        Assert.Equal(MSecureErrorCode.ServerProtocolError, Assert.Throws<MSecureException>(() => client.GetServerInfo()).Code);
    }

    [Fact]
    public void ARefusedConnection_IsRetried_ThenServerUnreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new AccountServerClient(new Uri($"http://127.0.0.1:{port}/"), null, Fast);

        MSecureException error = Assert.Throws<MSecureException>(() => client.GetServerInfo());
        Assert.Equal(MSecureErrorCode.ServerUnreachable, error.Code);
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://vault.example.com/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("https://user:pw@vault.example.com/")]
    [InlineData("https://vault.example.com/?q=1")]
    public void AddressesOtherThanHttpsOrLoopbackHttp_AreInvalidArgument(string address)
    {
        Assert.Equal(MSecureErrorCode.InvalidArgument, Assert.Throws<MSecureException>(() => ServerAddress.Normalize(new Uri(address))).Code);
    }

    [Fact]
    public void Addresses_AreNormalizedToABase()
    {
        Assert.Equal(new Uri("https://vault.example.com:8443/msecure/"), ServerAddress.Normalize(new Uri("https://vault.example.com:8443/msecure")));
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), ServerAddress.Normalize(new Uri("http://127.0.0.1:5000")));
    }

    [Theory]
    [InlineData("ab:CD:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    public void Fingerprints_AreNormalized(string text) =>
        Assert.Equal("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789", CertificateFingerprint.Normalize(text));

    [Theory]
    [InlineData("")]
    [InlineData("ABCDEF")]
    [InlineData("GBCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF012345678900")]
    public void BadFingerprints_AreInvalidArgument(string text) =>
        Assert.Equal(MSecureErrorCode.InvalidArgument, Assert.Throws<MSecureException>(() => CertificateFingerprint.Normalize(text)).Code);
}
