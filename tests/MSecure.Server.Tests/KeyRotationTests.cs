using System;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

namespace MSecure.Server.Tests;

public sealed class KeyRotationTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Rotation_replaces_key_and_verifier_and_every_other_session_gets_AccountKeyRotated(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse rotating = await server.Client.RegisterOkAsync(account);
        SessionResponse other = await server.Client.SignInOkAsync(account, null, "other device");

        (RotateAccountKeyRequest request, ECDsa newKey, byte[] newVerifier) = account.RotationRequest(await server.Client.ChallengeAsync(account.Email));
        using HttpResponseMessage response = await server.Client.SendJsonAsync(HttpMethod.Put, AccountProtocol.AccountKeyRoute, request, ProtocolClient.Json.RotateAccountKeyRequest, rotating.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SessionResponse rotated = await ProtocolClient.ReadAsync(response, ProtocolClient.Json.SessionResponse);

        Assert.Equal(rotating.DeviceId, rotated.DeviceId);
        AccountResponse read = await server.Client.GetAccountOkAsync(rotated.Token);
        Assert.Equal(TestAccount.PublicKeyOf(newKey), read.PublicKey);
        Assert.Equal(newVerifier, read.Verifier);
        foreach (string stale in new[] { other.Token, rotating.Token })
        {
            using HttpResponseMessage refused = await server.Client.GetAsync(AccountProtocol.DevicesRoute, stale);
            await ProtocolClient.AssertProblemAsync(refused, HttpStatusCode.Conflict, ProblemCodes.AccountKeyRotated);
        }

        using HttpResponseMessage oldKeySignIn = await server.Client.SignInAsync(account, other.DeviceId);
        await ProtocolClient.AssertProblemAsync(oldKeySignIn, HttpStatusCode.Conflict, ProblemCodes.AccountKeyRotated);

        using ECDsa oldKey = account.AdoptKey(newKey, newVerifier);
        SessionResponse fresh = await server.Client.SignInOkAsync(account, other.DeviceId);
        Assert.Equal(other.DeviceId, fresh.DeviceId);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_rotation_without_both_signatures_over_a_fresh_challenge_of_the_account_is_SignatureInvalid(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        using TestAccount other = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);
        await server.Client.RegisterOkAsync(other);

        (RotateAccountKeyRequest good, ECDsa key1, _) = account.RotationRequest(await server.Client.ChallengeAsync(account.Email));
        (RotateAccountKeyRequest otherChallenge, ECDsa key2, _) = account.RotationRequest(await server.Client.ChallengeAsync(other.Email));
        (RotateAccountKeyRequest reused, ECDsa key3, _) = account.RotationRequest(await server.Client.ChallengeAsync(account.Email));
        using (key1)
        using (key2)
        using (key3)
        {
            var cases = new[]
            {
                good with { OldKeySignature = other.Sign([1, 2, 3]) },
                good with { NewKeySignature = good.OldKeySignature },
                otherChallenge,
            };
            foreach (RotateAccountKeyRequest bad in cases)
            {
                using HttpResponseMessage response = await server.Client.SendJsonAsync(HttpMethod.Put, AccountProtocol.AccountKeyRoute, bad, ProtocolClient.Json.RotateAccountKeyRequest, session.Token);
                await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.SignatureInvalid);
            }

            using (HttpResponseMessage first = await server.Client.SendJsonAsync(HttpMethod.Put, AccountProtocol.AccountKeyRoute, reused, ProtocolClient.Json.RotateAccountKeyRequest, session.Token))
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
                session = await ProtocolClient.ReadAsync(first, ProtocolClient.Json.SessionResponse);
            }

            using HttpResponseMessage replay = await server.Client.SendJsonAsync(HttpMethod.Put, AccountProtocol.AccountKeyRoute, reused, ProtocolClient.Json.RotateAccountKeyRequest, session.Token);
            await ProtocolClient.AssertProblemAsync(replay, HttpStatusCode.BadRequest, ProblemCodes.SignatureInvalid);
            Assert.Equal(TestAccount.PublicKeyOf(key3), (await server.Client.GetAccountOkAsync(session.Token)).PublicKey);
        }
    }
}
