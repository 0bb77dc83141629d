using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

namespace MSecure.Server.Tests;

public sealed class RegistrationTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Registration_returns_a_token_and_the_account_reads_back_exactly(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();

        SessionResponse session = await server.Client.RegisterOkAsync(account, "laptop");

        Assert.StartsWith("mst_", session.Token, StringComparison.Ordinal);
        Assert.InRange(session.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
        AccountResponse read = await server.Client.GetAccountOkAsync(session.Token);
        Assert.Equal(account.AccountId, read.AccountId);
        Assert.Equal(account.Email, read.Email);
        Assert.Equal(account.PublicKey, read.PublicKey);
        Assert.Equal(account.Verifier, read.Verifier);
        Assert.Equal(session.DeviceId, read.DeviceId);
        DeviceResponse device = Assert.Single((await server.Client.GetDevicesOkAsync(session.Token)).Devices);
        Assert.Equal(session.DeviceId, device.DeviceId);
        Assert.Equal("laptop", device.Name);
        Assert.True(device.IsCurrent);
        Assert.Null(device.RevokedAt);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Registering_the_same_account_again_enrolls_a_device_but_another_key_or_email_is_AccountExists(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse first = await server.Client.RegisterOkAsync(account);

        SessionResponse second = await server.Client.RegisterOkAsync(account, "device 2");
        Assert.NotEqual(first.DeviceId, second.DeviceId);
        Assert.Equal(2, (await server.Client.GetDevicesOkAsync(second.Token)).Devices.Count);

        using TestAccount sameIdOtherKey = TestAccount.Create(account.Email);
        var otherKeyRequest = sameIdOtherKey.RegisterRequest() with { AccountId = account.AccountId };
        otherKeyRequest = otherKeyRequest with { Signature = sameIdOtherKey.Sign(SignedStatements.Registration(account.AccountId, account.Email, sameIdOtherKey.PublicKey, sameIdOtherKey.Verifier)) };
        using HttpResponseMessage otherKey = await server.Client.SendJsonAsync(HttpMethod.Post, AccountProtocol.RegisterRoute, otherKeyRequest, ProtocolClient.Json.RegisterAccountRequest);
        await ProtocolClient.AssertProblemAsync(otherKey, HttpStatusCode.Conflict, ProblemCodes.AccountExists);

        using TestAccount sameEmail = TestAccount.Create(account.Email.ToUpperInvariant());
        using HttpResponseMessage emailTaken = await server.Client.RegisterAsync(sameEmail);
        await ProtocolClient.AssertProblemAsync(emailTaken, HttpStatusCode.Conflict, ProblemCodes.AccountExists);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_registration_signature_that_does_not_verify_is_SignatureInvalid_and_registers_nothing(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        using TestAccount stranger = TestAccount.Create();
        RegisterAccountRequest request = account.RegisterRequest();

        var forged = request with { Signature = stranger.Sign(SignedStatements.Registration(account.AccountId, account.Email, account.PublicKey, account.Verifier)) };
        using HttpResponseMessage response = await server.Client.SendJsonAsync(HttpMethod.Post, AccountProtocol.RegisterRoute, forged, ProtocolClient.Json.RegisterAccountRequest);
        await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.SignatureInvalid);

        var otherEmail = request with { Email = "other-" + account.Email };
        using HttpResponseMessage tampered = await server.Client.SendJsonAsync(HttpMethod.Post, AccountProtocol.RegisterRoute, otherEmail, ProtocolClient.Json.RegisterAccountRequest);
        await ProtocolClient.AssertProblemAsync(tampered, HttpStatusCode.BadRequest, ProblemCodes.SignatureInvalid);

        using HttpResponseMessage signIn = await server.Client.SignInAsync(account);
        await ProtocolClient.AssertProblemAsync(signIn, HttpStatusCode.Unauthorized, ProblemCodes.SignInFailed);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Closed_registration_is_RegistrationClosed_and_server_info_says_so(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database, s => s with { Registration = RegistrationPolicy.Closed });
        using TestAccount account = TestAccount.Create();

        using HttpResponseMessage response = await server.Client.RegisterAsync(account);

        await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, ProblemCodes.RegistrationClosed);
        using HttpResponseMessage info = await server.Client.GetAsync(AccountProtocol.ServerInfoRoute, null);
        ServerInfoResponse read = await ProtocolClient.ReadAsync(info, ProtocolClient.Json.ServerInfoResponse);
        Assert.Equal("closed", read.Registration);
        Assert.Equal(AccountProtocol.Version, read.ProtocolVersion);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Invite_only_registration_takes_each_unexpired_code_once(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database, s => s with { Registration = RegistrationPolicy.Invite });
        string code = (await MSecureServer.CreateInvitesAsync(server.Settings, 1, TimeSpan.FromDays(1), CancellationToken.None)).Single();
        string expired = (await MSecureServer.CreateInvitesAsync(server.Settings, 1, TimeSpan.FromMilliseconds(-1), CancellationToken.None)).Single();
        using TestAccount first = TestAccount.Create();
        using TestAccount second = TestAccount.Create();

        using (HttpResponseMessage none = await server.Client.RegisterAsync(first))
        {
            await ProtocolClient.AssertProblemAsync(none, HttpStatusCode.Forbidden, ProblemCodes.InviteInvalid);
        }

        using (HttpResponseMessage unknown = await server.Client.RegisterAsync(first, inviteCode: "msi_" + new string('A', 24)))
        {
            await ProtocolClient.AssertProblemAsync(unknown, HttpStatusCode.Forbidden, ProblemCodes.InviteInvalid);
        }

        using (HttpResponseMessage old = await server.Client.RegisterAsync(first, inviteCode: expired))
        {
            await ProtocolClient.AssertProblemAsync(old, HttpStatusCode.Forbidden, ProblemCodes.InviteInvalid);
        }

        using (HttpResponseMessage ok = await server.Client.RegisterAsync(first, inviteCode: code))
        {
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using HttpResponseMessage reused = await server.Client.RegisterAsync(second, inviteCode: code);
        await ProtocolClient.AssertProblemAsync(reused, HttpStatusCode.Forbidden, ProblemCodes.InviteInvalid);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Health_is_healthy_and_an_unknown_route_is_a_NotFound_problem(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);

        using HttpResponseMessage health = await server.Client.GetAsync(AccountProtocol.HealthRoute, null);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"healthy"}""", await health.Content.ReadAsStringAsync());

        using HttpResponseMessage missing = await server.Client.GetAsync("/v1/nothing-here", null);
        await ProtocolClient.AssertProblemAsync(missing, HttpStatusCode.NotFound, ProblemCodes.NotFound);
    }
}
