using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

namespace MSecure.Server.Tests;

public sealed class HardeningTests
{
    private const string Marker = "zz-echo-marker-zz";

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Malformed_bodies_are_InvalidRequest_without_echoing_input(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        string key = Convert.ToBase64String(account.PublicKey);
        string verifier = Convert.ToBase64String(account.Verifier);
        string signature = Convert.ToBase64String(new byte[64]);
        string Register(string publicKey, string verifierText, string signatureText, string extra = "") =>
            $$"""{"accountId":"{{account.AccountId}}","email":"{{Marker}}@example.test","publicKey":"{{publicKey}}","verifier":"{{verifierText}}","deviceName":"{{Marker}}","inviteCode":null,"signature":"{{signatureText}}"{{extra}}}""";
        var bodies = new (string Route, string Body)[]
        {
            (AccountProtocol.ChallengeRoute, "{\"email\":\"" + Marker),
            (AccountProtocol.ChallengeRoute, "{\"email\":\"" + Marker + "@x\",\"extra\":1}"),
            (AccountProtocol.ChallengeRoute, "{}"),
            (AccountProtocol.ChallengeRoute, "{\"email\":null}"),
            (AccountProtocol.ChallengeRoute, "{\"email\":42}"),
            (AccountProtocol.ChallengeRoute, "[\"" + Marker + "\"]"),
            (AccountProtocol.ChallengeRoute, "null"),
            (AccountProtocol.ChallengeRoute, ""),
            (AccountProtocol.ChallengeRoute, "{\"email\":\"no-at-sign-" + Marker + "\"}"),
            (AccountProtocol.RegisterRoute, Register(Convert.ToBase64String(account.PublicKey[..64]), verifier, signature)),
            (AccountProtocol.RegisterRoute, Register(key, Convert.ToBase64String(account.Verifier[..141]), signature)),
            (AccountProtocol.RegisterRoute, Register(key, verifier, Convert.ToBase64String(new byte[63]))),
            (AccountProtocol.RegisterRoute, Register(key, verifier, "***" + Marker)),
            (AccountProtocol.RegisterRoute, Register(key, verifier, signature, ",\"" + Marker + "\":1")),
            (AccountProtocol.SignInRoute, $$"""{"challengeId":"{{Guid.NewGuid()}}","accountId":"{{account.AccountId}}","deviceId":null,"signature":"{{signature}}"}"""),
            (AccountProtocol.SignInRoute, $$"""{"challengeId":"{{Marker}}","accountId":"{{account.AccountId}}","deviceId":null,"deviceName":"d","signature":"{{signature}}"}"""),
        };

        foreach ((string route, string body) in bodies)
        {
            using HttpResponseMessage response = await server.Client.PostRawAsync(route, body);
            string problem = await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest);
            Assert.DoesNotContain(Marker, problem, StringComparison.Ordinal);
        }

        foreach (string? mediaType in new[] { "text/plain", "application/x-www-form-urlencoded", null })
        {
            var content = new StringContent("""{"email":"a@example.test"}""", Encoding.UTF8);
            content.Headers.ContentType = mediaType is null ? null : new MediaTypeHeaderValue(mediaType);
            using HttpResponseMessage response = await server.Client.SendAsync(HttpMethod.Post, AccountProtocol.ChallengeRoute, null, content);
            await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bodies_over_the_limit_are_PayloadTooLarge_with_or_without_a_length(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        string big = "{\"email\":\"" + new string('a', AccountProtocol.MaxRequestBodyBytes) + "@x\"}";

        using HttpResponseMessage sized = await server.Client.PostRawAsync(AccountProtocol.ChallengeRoute, big);
        await ProtocolClient.AssertProblemAsync(sized, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);

        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, AccountProtocol.ChallengeRoute) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage streamed = await server.Http.SendAsync(request);
        await ProtocolClient.AssertProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_per_address_limit_answers_RateLimited_with_Retry_After_but_spares_health(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database, s => s with { RateLimitPerAddress = 5 });

        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage ok = await server.Client.GetAsync(AccountProtocol.ServerInfoRoute, null);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using HttpResponseMessage limited = await server.Client.GetAsync(AccountProtocol.ServerInfoRoute, null);
        await ProtocolClient.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, ProblemCodes.RateLimited);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        using HttpResponseMessage health = await server.Client.GetAsync(AccountProtocol.HealthRoute, null);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_per_account_limit_stops_one_account_and_not_another(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database, s => s with { RateLimitPerAccount = 3 });
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);

        for (int i = 0; i < 2; i++)
        {
            await server.Client.ChallengeAsync(account.Email);
        }

        using HttpResponseMessage byEmail = await server.Client.PostRawAsync(AccountProtocol.ChallengeRoute, $$"""{"email":"{{account.Email.ToUpperInvariant()}}"}""");
        await ProtocolClient.AssertProblemAsync(byEmail, HttpStatusCode.TooManyRequests, ProblemCodes.RateLimited);
        Assert.True(byEmail.Headers.Contains("Retry-After"));
        await server.Client.ChallengeAsync("someone-else@example.test");

        for (int i = 0; i < 2; i++)
        {
            await server.Client.GetAccountOkAsync(session.Token);
        }

        using HttpResponseMessage byToken = await server.Client.GetAsync(AccountProtocol.AccountRoute, session.Token);
        await ProtocolClient.AssertProblemAsync(byToken, HttpStatusCode.TooManyRequests, ProblemCodes.RateLimited);
        Assert.True(byToken.Headers.Contains("Retry-After"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_failing_database_is_a_bodiless_ServerError_and_an_unhealthy_health(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);

        await server.ExecuteSqlAsync("DROP TABLE challenges");
        using HttpResponseMessage failed = await server.Client.PostRawAsync(AccountProtocol.ChallengeRoute, $$"""{"email":"{{account.Email}}"}""");
        string body = await ProtocolClient.AssertProblemAsync(failed, HttpStatusCode.InternalServerError, ProblemCodes.ServerError);
        Assert.DoesNotContain("challenges", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("exception", body, StringComparison.OrdinalIgnoreCase);
        await server.Client.GetAccountOkAsync(session.Token);

        await server.ExecuteSqlAsync("DROP TABLE schema_migrations");
        using HttpResponseMessage health = await server.Client.GetAsync(AccountProtocol.HealthRoute, null);
        await ProtocolClient.AssertProblemAsync(health, HttpStatusCode.ServiceUnavailable, ProblemCodes.ServerError);
    }
}
