using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

namespace MSecure.Server.Tests;

public sealed class TokenTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Missing_malformed_and_unknown_tokens_are_TokenInvalid(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);

        foreach (string? header in new[] { null, "Basic " + session.Token, "Bearer", "Bearer mst_" + new string('A', 43), "Bearer " + session.Token + "x", "Bearer " + new string('x', 5000) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, AccountProtocol.AccountRoute);
            if (header is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", header);
            }

            using HttpResponseMessage response = await server.Http.SendAsync(request);
            await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, ProblemCodes.TokenInvalid);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task An_expired_token_is_TokenInvalid(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database, s => s with { TokenLifetime = TimeSpan.FromMilliseconds(500) });
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);
        await server.Client.GetAccountOkAsync(session.Token);

        await Task.Delay(800);
        using HttpResponseMessage response = await server.Client.GetAsync(AccountProtocol.AccountRoute, session.Token);

        await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, ProblemCodes.TokenInvalid);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Sign_out_ends_that_token_only(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse first = await server.Client.RegisterOkAsync(account);
        SessionResponse second = await server.Client.SignInOkAsync(account, first.DeviceId);

        using (HttpResponseMessage signOut = await server.Client.SendAsync(HttpMethod.Post, AccountProtocol.SignOutRoute, first.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        }

        using HttpResponseMessage after = await server.Client.GetAsync(AccountProtocol.AccountRoute, first.Token);
        await ProtocolClient.AssertProblemAsync(after, HttpStatusCode.Unauthorized, ProblemCodes.TokenInvalid);
        await server.Client.GetAccountOkAsync(second.Token);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_database_keeps_only_the_SHA256_of_each_token(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);

        IReadOnlyList<byte[]> stored = await server.ReadBlobsAsync("SELECT token_hash FROM tokens");

        byte[] stored0 = Assert.Single(stored);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(session.Token)), stored0);
        string dump = await server.DumpTextAsync();
        Assert.DoesNotContain(session.Token, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Token["mst_".Length..], dump, StringComparison.Ordinal);
    }
}
