using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

namespace MSecure.Server.Tests;

public sealed class SignInTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Sign_in_enrolls_a_new_device_continues_a_known_one_and_treats_an_unknown_id_as_new(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse registered = await server.Client.RegisterOkAsync(account);

        SessionResponse fresh = await server.Client.SignInOkAsync(account, null, "phone");
        SessionResponse again = await server.Client.SignInOkAsync(account, fresh.DeviceId, "phone renamed");
        var unknown = Guid.NewGuid();
        SessionResponse stranger = await server.Client.SignInOkAsync(account, unknown, "tablet");

        Assert.NotEqual(registered.DeviceId, fresh.DeviceId);
        Assert.Equal(fresh.DeviceId, again.DeviceId);
        Assert.NotEqual(unknown, stranger.DeviceId);
        Assert.NotEqual(fresh.Token, again.Token);
        DeviceListResponse devices = await server.Client.GetDevicesOkAsync(again.Token);
        Assert.Equal(3, devices.Devices.Count);
        Assert.Contains(devices.Devices, d => d.DeviceId == fresh.DeviceId && d.Name == "phone renamed" && d.IsCurrent);
        Assert.Equal(account.Verifier, (await server.Client.GetAccountOkAsync(again.Token)).Verifier);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_challenge_answers_once(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        await server.Client.RegisterOkAsync(account);
        SignInRequest answer = account.SignInRequest(await server.Client.ChallengeAsync(account.Email));

        using HttpResponseMessage first = await server.Client.SignInAsync(answer);
        using HttpResponseMessage replay = await server.Client.SignInAsync(answer);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await ProtocolClient.AssertProblemAsync(replay, HttpStatusCode.Unauthorized, ProblemCodes.SignInFailed);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task An_expired_challenge_is_SignInFailed(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database, s => s with { ChallengeLifetime = TimeSpan.FromMilliseconds(300) });
        using TestAccount account = TestAccount.Create();
        await server.Client.RegisterOkAsync(account);
        SignInRequest answer = account.SignInRequest(await server.Client.ChallengeAsync(account.Email));

        await Task.Delay(600);
        using HttpResponseMessage late = await server.Client.SignInAsync(answer);

        await ProtocolClient.AssertProblemAsync(late, HttpStatusCode.Unauthorized, ProblemCodes.SignInFailed);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Wrong_signatures_and_mismatched_accounts_all_get_the_same_SignInFailed_body(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        using TestAccount other = TestAccount.Create();
        using TestAccount unregistered = TestAccount.Create();
        await server.Client.RegisterOkAsync(account);
        await server.Client.RegisterOkAsync(other);

        ChallengeResponse challenge = await server.Client.ChallengeAsync(account.Email);
        SignInRequest wrongKey = other.SignInRequest(challenge) with { AccountId = account.AccountId };
        SignInRequest otherAccountId = other.SignInRequest(await server.Client.ChallengeAsync(account.Email));
        SignInRequest unknownChallenge = account.SignInRequest(challenge) with { ChallengeId = Guid.NewGuid() };
        SignInRequest unknownEmail = unregistered.SignInRequest(await server.Client.ChallengeAsync(unregistered.Email));

        string? reference = null;
        foreach (SignInRequest request in new[] { wrongKey, otherAccountId, unknownChallenge, unknownEmail })
        {
            using HttpResponseMessage response = await server.Client.SignInAsync(request);
            string body = await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, ProblemCodes.SignInFailed);
            reference ??= body;
            Assert.Equal(reference, body);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task An_unknown_email_gets_a_challenge_of_the_same_shape(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        await server.Client.RegisterOkAsync(account);

        using HttpResponseMessage known = await server.Client.PostRawAsync(AccountProtocol.ChallengeRoute, JsonSerializer.Serialize(new ChallengeRequest { Email = account.Email }, ProtocolClient.Json.ChallengeRequest));
        using HttpResponseMessage unknown = await server.Client.PostRawAsync(AccountProtocol.ChallengeRoute, """{"email":"nobody-here@example.test"}""");

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Content.Headers.ContentType?.ToString(), unknown.Content.Headers.ContentType?.ToString());
        using JsonDocument a = JsonDocument.Parse(await known.Content.ReadAsStringAsync());
        using JsonDocument b = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(Shape(a.RootElement), Shape(b.RootElement));
        ChallengeResponse unknownChallenge = JsonSerializer.Deserialize(b.RootElement, ProtocolClient.Json.ChallengeResponse)!;
        Assert.Equal(AccountProtocol.NonceLength, unknownChallenge.Nonce.Length);
        Assert.InRange(unknownChallenge.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(100), DateTimeOffset.UtcNow.AddSeconds(130));

        static string Shape(JsonElement element)
        {
            var names = new System.Collections.Generic.List<string>();
            foreach (JsonProperty property in element.EnumerateObject())
            {
                // Timestamps drop trailing zeros of their fraction, so only ids and nonces compare by length.
                int length = property.Name == "expiresAt" ? 0 : property.Value.GetString()!.Length;
                names.Add($"{property.Name}:{property.Value.ValueKind}:{length}");
            }

            return string.Join(",", names);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Signing_in_as_a_revoked_device_is_DeviceRevoked(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse owner = await server.Client.RegisterOkAsync(account);
        SessionResponse lost = await server.Client.SignInOkAsync(account);
        using (HttpResponseMessage revoke = await server.Client.RevokeAsync(lost.DeviceId, owner.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using HttpResponseMessage response = await server.Client.SignInAsync(account, lost.DeviceId);

        await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, ProblemCodes.DeviceRevoked);
    }
}
