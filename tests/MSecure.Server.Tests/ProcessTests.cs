using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

namespace MSecure.Server.Tests;

/// <summary>Real msecure-server processes: several instances on one PostgreSQL, and what their logs hold.</summary>
public sealed class ProcessTests
{
    [SkippableFact]
    public async Task Two_instances_on_one_PostgreSQL_share_accounts_sessions_and_revocations_at_once()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        string dataOne = TempFolder();
        string dataTwo = TempFolder();
        await using ServerProcess one = await ServerProcess.StartAsync("--data-dir", dataOne, "--port", "0", "--postgres", database.ConnectionString);
        await using ServerProcess two = await ServerProcess.StartAsync("--data-dir", dataTwo, "--port", "0", "--postgres", database.ConnectionString);
        using HttpClient httpOne = PinnedHttpClient.Create(one.BaseAddress, one.Fingerprint);
        using HttpClient httpTwo = PinnedHttpClient.Create(two.BaseAddress, two.Fingerprint);
        var viaOne = new ProtocolClient(httpOne);
        var viaTwo = new ProtocolClient(httpTwo);
        using TestAccount account = TestAccount.Create();

        SessionResponse registered = await viaOne.RegisterOkAsync(account, "first");
        SessionResponse second = await viaOne.SignInOkAsync(account, null, "second");

        AccountResponse read = await viaTwo.GetAccountOkAsync(second.Token);
        Assert.Equal(account.Verifier, read.Verifier);
        Assert.Equal(2, (await viaTwo.GetDevicesOkAsync(registered.Token)).Devices.Count);
        SessionResponse crossed = await viaTwo.SignInOkAsync(account, second.DeviceId);
        Assert.Equal(second.DeviceId, crossed.DeviceId);

        using (HttpResponseMessage revoke = await viaOne.RevokeAsync(second.DeviceId, registered.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using HttpResponseMessage refused = await viaTwo.GetAsync(AccountProtocol.AccountRoute, crossed.Token);
        await ProtocolClient.AssertProblemAsync(refused, HttpStatusCode.Forbidden, ProblemCodes.DeviceRevoked);
        Assert.NotEqual(one.Fingerprint, two.Fingerprint);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_server_log_holds_no_token_signature_key_verifier_or_email(string database)
    {
        await using PostgresTestDatabase? postgres = database == TestDatabases.Postgres ? await PostgresTestDatabase.CreateAsync() : null;
        var arguments = new List<string> { "--data-dir", TempFolder(), "--port", "0", "--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft.AspNetCore=Trace" };
        if (postgres is not null)
        {
            arguments.AddRange(["--postgres", postgres.ConnectionString]);
        }

        var secrets = new List<string>();
        string output;
        await using (ServerProcess server = await ServerProcess.StartAsync([.. arguments]))
        {
            using HttpClient http = PinnedHttpClient.Create(server.BaseAddress, server.Fingerprint);
            var client = new ProtocolClient(http);
            using TestAccount account = TestAccount.Create();
            using TestAccount stranger = TestAccount.Create();
            secrets.AddRange([account.Email, stranger.Email, Convert.ToBase64String(account.PublicKey), Convert.ToBase64String(account.Verifier)]);

            RegisterAccountRequest registration = account.RegisterRequest();
            secrets.Add(Convert.ToBase64String(registration.Signature));
            SessionResponse owner = await client.RegisterOkAsync(account);
            ChallengeResponse challenge = await client.ChallengeAsync(account.Email);
            SignInRequest signIn = account.SignInRequest(challenge, null, "second");
            secrets.Add(Convert.ToBase64String(signIn.Signature));
            using HttpResponseMessage signedIn = await client.SignInAsync(signIn);
            SessionResponse second = await ProtocolClient.ReadAsync(signedIn, ProtocolClient.Json.SessionResponse);
            using HttpResponseMessage replay = await client.SignInAsync(signIn);
            using HttpResponseMessage unknown = await client.SignInAsync(stranger.SignInRequest(await client.ChallengeAsync(stranger.Email)));
            await client.GetAccountOkAsync(second.Token);
            using HttpResponseMessage revoke = await client.RevokeAsync(second.DeviceId, owner.Token);
            using HttpResponseMessage revoked = await client.GetAsync(AccountProtocol.AccountRoute, second.Token);

            (RotateAccountKeyRequest rotation, ECDsa newKey, byte[] newVerifier) = account.RotationRequest(await client.ChallengeAsync(account.Email));
            using (newKey)
            {
                secrets.AddRange([Convert.ToBase64String(rotation.NewPublicKey), Convert.ToBase64String(newVerifier),
                    Convert.ToBase64String(rotation.OldKeySignature), Convert.ToBase64String(rotation.NewKeySignature)]);
                using HttpResponseMessage rotated = await client.SendJsonAsync(HttpMethod.Put, AccountProtocol.AccountKeyRoute, rotation, ProtocolClient.Json.RotateAccountKeyRequest, owner.Token);
                SessionResponse after = await ProtocolClient.ReadAsync(rotated, ProtocolClient.Json.SessionResponse);
                secrets.AddRange([owner.Token, second.Token, after.Token]);
                using HttpResponseMessage signOut = await client.SendAsync(HttpMethod.Post, AccountProtocol.SignOutRoute, after.Token);
                Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
            }

            using HttpResponseMessage bad = await client.PostRawAsync(AccountProtocol.ChallengeRoute, "{\"email\":\"" + account.Email + "\",\"x\":1}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            await server.DisposeAsync();
            output = server.Output;
        }

        Assert.Contains("registered device", output, StringComparison.Ordinal);
        Assert.Contains("signed in device", output, StringComparison.Ordinal);
        int hits = 0;
        foreach (string secret in secrets)
        {
            foreach (string form in new[] { secret, secret.Replace('+', '-').Replace('/', '_').TrimEnd('='), secret.ToUpperInvariant().Contains('@', StringComparison.Ordinal) ? secret.ToUpperInvariant() : secret })
            {
                if (output.Contains(form, StringComparison.OrdinalIgnoreCase))
                {
                    hits++;
                }
            }
        }

        Assert.True(hits == 0, $"{hits} secret(s) found in the server log:\n{output}");
    }

    [SkippableFact]
    public async Task Invite_create_prints_codes_that_register_once()
    {
        string data = TempFolder();
        (int exit, IReadOnlyList<string> codes) = await ServerProcess.RunAsync("invite", "create", "--count", "2", "--valid-days", "1", "--data-dir", data);
        Assert.Equal(0, exit);
        Assert.Equal(2, codes.Count);
        (int fingerprintExit, IReadOnlyList<string> fingerprint) = await ServerProcess.RunAsync("fingerprint", "--data-dir", data);
        Assert.Equal(0, fingerprintExit);
        Assert.Matches("^[0-9A-F]{64}$", Assert.Single(fingerprint));

        await using RunningServer server = await MSecureServer.StartAsync(
            TestServer.DefaultSettings() with { DataDirectory = data, Registration = RegistrationPolicy.Invite }, default);
        Assert.Equal(fingerprint[0], server.CertificateFingerprint);
        using HttpClient http = PinnedHttpClient.Create(server.BaseAddress, server.CertificateFingerprint);
        var client = new ProtocolClient(http);
        using TestAccount account = TestAccount.Create();
        using TestAccount other = TestAccount.Create();
        using HttpResponseMessage ok = await client.RegisterAsync(account, inviteCode: codes[0]);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        using HttpResponseMessage reused = await client.RegisterAsync(other, inviteCode: codes[0]);
        await ProtocolClient.AssertProblemAsync(reused, HttpStatusCode.Forbidden, ProblemCodes.InviteInvalid);
    }

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "msecure-server-process-" + Guid.NewGuid().ToString("N"));
}
