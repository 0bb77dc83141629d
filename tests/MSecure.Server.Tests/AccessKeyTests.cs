using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

namespace MSecure.Server.Tests;

/// <summary>Read-only access keys on the server: registration, grants, the key's own read route, revocation, expiry, limits.</summary>
public sealed class AccessKeyTests
{
    /// <summary>A key as a client makes it: an id and a 32-byte auth key the server only ever sees hashed.</summary>
    private sealed record Key(Guid Id, byte[] AuthKey)
    {
        public static Key Create() => new(Guid.NewGuid(), RandomNumberGenerator.GetBytes(32));

        public string Authorization(byte[]? authKey = null) => Id.ToString("D") + "." + Base64Url.EncodeToString(authKey ?? AuthKey);
    }

    private static Task<HttpResponseMessage> RegisterAsync(ProtocolClient client, string token, Key key, DateTimeOffset? expiresAt = null) =>
        client.SendJsonAsync(HttpMethod.Put, AccessProtocol.KeyRoutePrefix + key.Id, new RegisterAccessKeyRequest { AuthKeyHash = SHA256.HashData(key.AuthKey), ExpiresAt = expiresAt },
            AccessJsonContext.Default.RegisterAccessKeyRequest, token);

    private static Task<HttpResponseMessage> PutGrantsAsync(ProtocolClient client, string token, Key key, List<AccessGrantMessage> grants) =>
        client.SendJsonAsync(HttpMethod.Put, AccessProtocol.KeyRoutePrefix + key.Id + AccessProtocol.GrantsSuffix, new PutAccessGrantsRequest { Grants = grants },
            AccessJsonContext.Default.PutAccessGrantsRequest, token);

    private static Task<HttpResponseMessage> ReadAsync(HttpClient http, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, AccessProtocol.RecordsRoute);
        request.Headers.Authorization = new AuthenticationHeaderValue(AccessProtocol.Scheme, authorization);
        return http.SendAsync(request);
    }

    private static async Task<AccessRecordsResponse> ReadOkAsync(HttpClient http, Key key)
    {
        using HttpResponseMessage read = await ReadAsync(http, key.Authorization());
        return await ProtocolClient.ReadAsync(read, AccessJsonContext.Default.AccessRecordsResponse);
    }

    private static AccessGrantMessage Grant(long revision = 1, long expiry = 0) =>
        new() { RecordId = Guid.NewGuid(), Revision = revision, Expiry = expiry, Envelope = RandomNumberGenerator.GetBytes(64) };

    private static async Task<(SessionResponse Owner, Key Key, List<AccessGrantMessage> Grants)> KeyWithGrantsAsync(TestServer server, TestAccount account, DateTimeOffset? expiresAt = null)
    {
        SessionResponse owner = await server.Client.RegisterOkAsync(account);
        Key key = Key.Create();
        using (HttpResponseMessage registered = await RegisterAsync(server.Client, owner.Token, key, expiresAt))
        {
            Assert.Equal(HttpStatusCode.NoContent, registered.StatusCode);
        }

        List<AccessGrantMessage> grants = [Grant(), Grant(3)];
        using (HttpResponseMessage put = await PutGrantsAsync(server.Client, owner.Token, key, grants))
        {
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        return (owner, key, grants);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_key_reads_exactly_its_grants_and_a_replacement_replaces_them(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        (SessionResponse owner, Key key, List<AccessGrantMessage> grants) = await KeyWithGrantsAsync(server, account);

        AccessRecordsResponse answer = await ReadOkAsync(server.Http, key);
        Assert.Equal(key.Id, answer.KeyId);
        Assert.Null(answer.ExpiresAt);
        Assert.Equal(grants.OrderBy(g => g.RecordId).Select(g => (g.RecordId, g.Revision, Convert.ToHexString(g.Envelope))),
            answer.Grants.OrderBy(g => g.RecordId).Select(g => (g.RecordId, g.Revision, Convert.ToHexString(g.Envelope))));

        AccessGrantMessage only = Grant(7);
        using (HttpResponseMessage put = await PutGrantsAsync(server.Client, owner.Token, key, [only]))
        {
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        AccessGrantMessage single = Assert.Single((await ReadOkAsync(server.Http, key)).Grants);
        Assert.Equal((only.RecordId, 7L), (single.RecordId, single.Revision));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_revoked_key_is_refused_at_once_through_another_instance_and_its_grants_are_gone(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        (SessionResponse owner, Key key, _) = await KeyWithGrantsAsync(server, account);
        await using RunningServer second = await MSecureServer.StartAsync(server.Settings with { Port = 0 }, CancellationToken.None);
        using HttpClient viaSecond = PinnedHttpClient.Create(second.BaseAddress, second.CertificateFingerprint);
        using (HttpResponseMessage before = await ReadAsync(viaSecond, key.Authorization()))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (HttpResponseMessage revoke = await new ProtocolClient(viaSecond).SendAsync(HttpMethod.Delete, AccessProtocol.KeyRoutePrefix + key.Id, owner.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using HttpResponseMessage refused = await ReadAsync(server.Http, key.Authorization());
        await ProtocolClient.AssertProblemAsync(refused, HttpStatusCode.Forbidden, ProblemCodes.AccessKeyRevoked);
        Assert.Empty(await server.ReadBlobsAsync("SELECT envelope FROM access_grants"));
        using HttpResponseMessage upload = await PutGrantsAsync(server.Client, owner.Token, key, [Grant()]);
        await ProtocolClient.AssertProblemAsync(upload, HttpStatusCode.NotFound, ProblemCodes.NotFound);
        using HttpResponseMessage again = await server.Client.SendAsync(HttpMethod.Delete, AccessProtocol.KeyRoutePrefix + key.Id, owner.Token);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Wrong_unknown_or_malformed_authorization_is_AccessKeyInvalid(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        (_, Key key, _) = await KeyWithGrantsAsync(server, account);
        byte[] wrong = (byte[])key.AuthKey.Clone();
        wrong[0] ^= 1;

        string[] refusedValues =
        [
            key.Authorization(wrong),
            Key.Create().Authorization(),
            key.Id.ToString("D"),
            key.Authorization()[..^3],
            key.Authorization() + "AAAA",
            "not-a-key",
        ];
        foreach (string authorization in refusedValues)
        {
            using HttpResponseMessage refused = await ReadAsync(server.Http, authorization);
            await ProtocolClient.AssertProblemAsync(refused, HttpStatusCode.Unauthorized, ProblemCodes.AccessKeyInvalid);
        }

        using HttpResponseMessage bearer = await server.Client.GetAsync(AccessProtocol.RecordsRoute, "mst_whatever");
        await ProtocolClient.AssertProblemAsync(bearer, HttpStatusCode.Unauthorized, ProblemCodes.AccessKeyInvalid);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task An_expired_key_is_AccessKeyExpired(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        (SessionResponse owner, Key live, _) = await KeyWithGrantsAsync(server, account, DateTimeOffset.UtcNow.AddHours(1));
        Key expired = Key.Create();
        using (HttpResponseMessage registered = await RegisterAsync(server.Client, owner.Token, expired, DateTimeOffset.UtcNow.AddSeconds(-1)))
        {
            Assert.Equal(HttpStatusCode.NoContent, registered.StatusCode);
        }

        Assert.NotNull((await ReadOkAsync(server.Http, live)).ExpiresAt);

        using HttpResponseMessage refused = await ReadAsync(server.Http, expired.Authorization());
        await ProtocolClient.AssertProblemAsync(refused, HttpStatusCode.Unauthorized, ProblemCodes.AccessKeyExpired);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Keys_are_managed_only_by_their_own_account(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount mine = TestAccount.Create();
        using TestAccount theirs = TestAccount.Create();
        (_, Key key, _) = await KeyWithGrantsAsync(server, mine);
        SessionResponse them = await server.Client.RegisterOkAsync(theirs);

        using (HttpResponseMessage upload = await PutGrantsAsync(server.Client, them.Token, key, [Grant()]))
        {
            await ProtocolClient.AssertProblemAsync(upload, HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        using (HttpResponseMessage revoke = await server.Client.SendAsync(HttpMethod.Delete, AccessProtocol.KeyRoutePrefix + key.Id, them.Token))
        {
            await ProtocolClient.AssertProblemAsync(revoke, HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        using (HttpResponseMessage takeover = await RegisterAsync(server.Client, them.Token, key))
        {
            await ProtocolClient.AssertProblemAsync(takeover, HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest);
        }

        Assert.Equal(2, (await ReadOkAsync(server.Http, key)).Grants.Count);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Malformed_grants_are_refused_and_change_nothing(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        (SessionResponse owner, Key key, _) = await KeyWithGrantsAsync(server, account);
        AccessGrantMessage twice = Grant();
        List<AccessGrantMessage>[] bad =
        [
            [twice, twice with { Revision = 2 }],
            [Grant() with { Envelope = new byte[28] }],
            [Grant(revision: 0)],
            [Grant() with { RecordId = Guid.Empty }],
            [Grant(expiry: -1)],
        ];
        foreach (List<AccessGrantMessage> grants in bad)
        {
            using HttpResponseMessage refused = await PutGrantsAsync(server.Client, owner.Token, key, grants);
            await ProtocolClient.AssertProblemAsync(refused, HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest);
        }

        Assert.Equal(2, (await ReadOkAsync(server.Http, key)).Grants.Count);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Reads_are_rate_limited_per_key_even_with_a_wrong_secret(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database, settings => settings with { RateLimitPerAccount = 5 });
        using TestAccount account = TestAccount.Create();
        (_, Key key, _) = await KeyWithGrantsAsync(server, account);
        byte[] wrong = RandomNumberGenerator.GetBytes(32);

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 6; i++)
        {
            using HttpResponseMessage response = await ReadAsync(server.Http, key.Authorization(wrong));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        using HttpResponseMessage right = await ReadAsync(server.Http, key.Authorization());
        await ProtocolClient.AssertProblemAsync(right, HttpStatusCode.TooManyRequests, ProblemCodes.RateLimited);
        using HttpResponseMessage other = await ReadAsync(server.Http, Key.Create().Authorization());
        await ProtocolClient.AssertProblemAsync(other, HttpStatusCode.Unauthorized, ProblemCodes.AccessKeyInvalid);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_database_holds_only_the_hash_of_the_auth_key(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        (_, Key key, _) = await KeyWithGrantsAsync(server, account);

        string dump = await server.DumpTextAsync();
        Assert.DoesNotContain(Convert.ToHexString(key.AuthKey), dump, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(key.AuthKey), dump, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexString(SHA256.HashData(key.AuthKey)), dump, StringComparison.OrdinalIgnoreCase);
    }
}
