using System;
using System.Collections.Generic;
using System.Net;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MSecure.Server.Tests;

/// <summary>
/// A bounded hostile client on loopback: malformed, truncated and oversized JSON, unknown and missing
/// members, wrong lengths, bad base64, replayed nonces, expired, forged and revoked tokens and another
/// account's device ids, all as the attacker's account or nobody. 0 answers may be 5xx, and no answer
/// may hold the victim account's email, id, device ids or key.
/// </summary>
public sealed class FuzzerTests(ITestOutputHelper output)
{
    private const int Requests = 10_240;
    private const int Concurrency = 16;

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Hostile_traffic_gets_no_5xx_and_no_other_accounts_data(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount attacker = TestAccount.Create();
        using TestAccount victim = TestAccount.Create();
        SessionResponse attackerSession = await server.Client.RegisterOkAsync(attacker);
        SessionResponse victimSession = await server.Client.RegisterOkAsync(victim);
        SessionResponse victimPhone = await server.Client.SignInOkAsync(victim, null, "phone");
        SessionResponse revokedDevice = await server.Client.SignInOkAsync(attacker, null, "revoked");
        SessionResponse expiredDevice = await server.Client.SignInOkAsync(attacker, null, "expired");
        using (HttpResponseMessage revoke = await server.Client.RevokeAsync(revokedDevice.DeviceId, attackerSession.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        await server.ExecuteSqlAsync($"UPDATE tokens SET expires_at = 0 WHERE device_id = '{expiredDevice.DeviceId}'");
        SignInRequest replayed = attacker.SignInRequest(await server.Client.ChallengeAsync(attacker.Email));
        using (HttpResponseMessage used = await server.Client.SignInAsync(replayed))
        {
            Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        }

        string[] victimData =
        [
            victim.Email, victim.AccountId.ToString(), victimSession.DeviceId.ToString(), victimPhone.DeviceId.ToString(),
            Convert.ToBase64String(victim.PublicKey), Convert.ToBase64String(victim.Verifier),
        ];
        // Oversized bodies go over their own connections: the server answers 413 and closes the
        // connection (the rest of the body is never read), which would also cut pooled requests.
        using HttpClient oversized = PinnedHttpClient.Create(server.Server.BaseAddress, server.Server.CertificateFingerprint);
        var generator = new HostileRequests(attacker, victim, attackerSession, victimSession, victimPhone, revokedDevice, expiredDevice, replayed);
        int next = -1, status4xx = 0, status2xx = 0, status5xx = 0, leaks = 0, other = 0;
        var byStatus = new Dictionary<int, int>();
        var closedKinds = new List<string>();

        async Task Worker()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Requests)
            {
                using HttpRequestMessage request = generator.Create(index);
                HttpResponseMessage response;
                try
                {
                    response = await (index % 14 == HostileRequests.OversizedKind ? oversized : server.Http).SendAsync(request);
                }
                catch (HttpRequestException exception)
                {
                    lock (byStatus)
                    {
                        closedKinds.Add($"{index % 14}:{exception.HttpRequestError}");
                    }

                    continue;
                }

                using HttpResponseMessage disposeResponse = response;
                string body = await response.Content.ReadAsStringAsync();
                int status = (int)response.StatusCode;
                lock (byStatus)
                {
                    byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                }

                _ = status switch
                {
                    >= 500 => Interlocked.Increment(ref status5xx),
                    >= 400 => Interlocked.Increment(ref status4xx),
                    >= 200 and < 300 => Interlocked.Increment(ref status2xx),
                    _ => Interlocked.Increment(ref other),
                };
                foreach (string secret in victimData)
                {
                    if (body.Contains(secret, StringComparison.OrdinalIgnoreCase))
                    {
                        Interlocked.Increment(ref leaks);
                    }
                }
            }
        }

        var workers = new Task[Concurrency];
        for (int i = 0; i < Concurrency; i++)
        {
            workers[i] = Task.Run(Worker);
        }

        await Task.WhenAll(workers);
        string summary = $"fuzz db={database} requests={Requests} status_2xx={status2xx} status_4xx={status4xx} status_5xx={status5xx} other={other} cross_account_leaks={leaks} closed={closedKinds.Count} [{string.Join(",", closedKinds.Distinct())}] by_status={string.Join(",", SortedPairs(byStatus))}";
        output.WriteLine(summary);
        Console.WriteLine(summary);

        Assert.Equal(0, status5xx);
        Assert.Equal(0, leaks);
        Assert.Equal(0, other);
        Assert.All(closedKinds, kind => Assert.StartsWith(HostileRequests.OversizedKind + ":", kind, StringComparison.Ordinal));
        Assert.True(status4xx > Requests / 2, summary);
        using HttpResponseMessage health = await server.Client.GetAsync(AccountProtocol.HealthRoute, null);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(2, (await server.Client.GetDevicesOkAsync(victimSession.Token)).Devices.Count);
        Assert.Equal(victim.Verifier, (await server.Client.GetAccountOkAsync(victimPhone.Token)).Verifier);
    }

    private static IEnumerable<string> SortedPairs(Dictionary<int, int> counts)
    {
        var keys = new List<int>(counts.Keys);
        keys.Sort();
        foreach (int key in keys)
        {
            yield return $"{key}:{counts[key]}";
        }
    }

    /// <summary>Deterministic hostile requests: request i is always the same kind and (per seed) the same bytes.</summary>
    private sealed class HostileRequests(
        TestAccount attacker, TestAccount victim, SessionResponse attackerSession, SessionResponse victimSession, SessionResponse victimPhone,
        SessionResponse revokedDevice, SessionResponse expiredDevice, SignInRequest replayed)
    {
        public const int OversizedKind = 2;
        private const int Kinds = 14;

        public HttpRequestMessage Create(int index)
        {
            var random = new Random(index);
            string registration = JsonSerializer.Serialize(attacker.RegisterRequest("fuzz"), ProtocolClient.Json.RegisterAccountRequest);
            string signIn = JsonSerializer.Serialize(replayed, ProtocolClient.Json.SignInRequest);
            string[] routes = [AccountProtocol.RegisterRoute, AccountProtocol.ChallengeRoute, AccountProtocol.SignInRoute, AccountProtocol.AccountKeyRoute];
            string route = routes[random.Next(routes.Length)];
            return (index % Kinds) switch
            {
                0 => Post(route, Truncate(registration, random)),
                1 => Post(route, new string('[', random.Next(1, 200)) + "{\"email\":" + new string('9', random.Next(1, 50))),
                OversizedKind => Post(route, "{\"email\":\"" + new string('a', AccountProtocol.MaxRequestBodyBytes + random.Next(1, 5000)) + "@x\"}"),
                3 => Post(AccountProtocol.RegisterRoute, registration.Insert(1, $"\"unknown{random.Next()}\":1,")),
                4 => Post(AccountProtocol.RegisterRoute, RemoveMember(registration, random)),
                5 => Post(AccountProtocol.RegisterRoute, registration.Replace(Convert.ToBase64String(attacker.PublicKey), Convert.ToBase64String(RandomBytes(random, random.Next(0, 130))), StringComparison.Ordinal)),
                6 => Post(AccountProtocol.SignInRoute, signIn.Replace("\"signature\":\"", "\"signature\":\"%%$#" + random.Next(), StringComparison.Ordinal)),
                7 => Post(AccountProtocol.SignInRoute, signIn),
                8 => Authorized(HttpMethod.Get, AccountProtocol.AccountRoute, random.Next(3) switch
                {
                    0 => expiredDevice.Token,
                    1 => "mst_" + Convert.ToBase64String(RandomBytes(random, 32)).TrimEnd('='),
                    _ => attackerSession.Token[..^2] + "AA",
                }),
                9 => Authorized(random.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Delete, random.Next(2) == 0 ? AccountProtocol.DevicesRoute : AccountProtocol.DeviceRoutePrefix + revokedDevice.DeviceId, revokedDevice.Token),
                10 => Authorized(HttpMethod.Delete, AccountProtocol.DeviceRoutePrefix + (random.Next(2) == 0 ? victimSession.DeviceId : victimPhone.DeviceId), attackerSession.Token),
                11 => Authorized(HttpMethod.Get, random.Next(2) == 0 ? AccountProtocol.AccountRoute : AccountProtocol.DevicesRoute, attackerSession.Token),
                12 => Post(AccountProtocol.SignInRoute, JsonSerializer.Serialize(
                    victim.SignInRequest(new ChallengeResponse { ChallengeId = Guid.NewGuid(), Nonce = RandomBytes(random, 32), ExpiresAt = DateTimeOffset.UtcNow }) with { AccountId = victim.AccountId, DeviceId = victimPhone.DeviceId },
                    ProtocolClient.Json.SignInRequest)),
                _ => Raw(random),
            };
        }

        private static HttpRequestMessage Post(string route, string body) =>
            new(HttpMethod.Post, route) { Content = ProtocolClient.RawJson(body) };

        private static HttpRequestMessage Authorized(HttpMethod method, string route, string token)
        {
            var request = new HttpRequestMessage(method, route);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            return request;
        }

        private static HttpRequestMessage Raw(Random random)
        {
            HttpMethod[] methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch];
            string[] routes = [AccountProtocol.RegisterRoute, AccountProtocol.SignOutRoute, AccountProtocol.AccountKeyRoute, "/v1/devices/" + random.Next(), "/v2/x", "/"];
            var request = new HttpRequestMessage(methods[random.Next(methods.Length)], routes[random.Next(routes.Length)]);
            if (request.Method != HttpMethod.Get)
            {
                request.Content = new ByteArrayContent(RandomBytes(random, random.Next(0, 512)));
                request.Content.Headers.TryAddWithoutValidation("Content-Type", random.Next(2) == 0 ? "application/json" : "application/octet-stream");
            }

            return request;
        }

        private static string Truncate(string json, Random random) => json[..random.Next(0, json.Length)];

        private static string RemoveMember(string json, Random random)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            var members = new List<JsonProperty>(document.RootElement.EnumerateObject());
            int skip = random.Next(members.Count);
            var builder = new StringBuilder("{");
            for (int i = 0; i < members.Count; i++)
            {
                if (i != skip)
                {
                    builder.Append(builder.Length > 1 ? "," : string.Empty).Append('"').Append(members[i].Name).Append("\":").Append(members[i].Value.GetRawText());
                }
            }

            return builder.Append('}').ToString();
        }

        private static byte[] RandomBytes(Random random, int length)
        {
            byte[] bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }
    }
}
