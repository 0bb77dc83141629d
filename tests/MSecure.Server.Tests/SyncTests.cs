using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;
using static MSecure.Server.Tests.Infrastructure.SyncRequests;

namespace MSecure.Server.Tests;

/// <summary>GET and POST /v1/sync/changes: outcomes, sequences, paging, accounts, rotation and revocation.</summary>
public sealed class SyncTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_push_is_accepted_on_the_head_a_conflict_otherwise_and_a_retry_is_a_duplicate(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse laptop = await server.Client.RegisterOkAsync(account, "laptop");
        SessionResponse phone = await server.Client.SignInOkAsync(account, null, "phone");
        Guid record = Guid.NewGuid();

        PushChange first = Change(record, 0);
        PushChangesResponse accepted = await server.Client.PushOkAsync(laptop.Token, first);
        AssertStored(Assert.Single(accepted.Results), first, SyncOutcomes.Accepted, 1, 1);
        Assert.Equal(1, accepted.LatestSequence);

        PushChangesResponse retried = await server.Client.PushOkAsync(laptop.Token, first);
        AssertStored(Assert.Single(retried.Results), first, SyncOutcomes.Duplicate, 1, 1);
        Assert.Equal(1, retried.LatestSequence);

        PushChange concurrent = Change(record, 0, deleted: true);
        PushChangesResponse conflicted = await server.Client.PushOkAsync(phone.Token, concurrent);
        PushResult conflict = Assert.Single(conflicted.Results);
        Assert.Equal(SyncOutcomes.Conflict, conflict.Outcome);
        Assert.Null(conflict.Sequence);
        Assert.Null(conflict.Revision);
        AssertChange(conflict.Current!, first, 1, 1, laptop.DeviceId);

        PushChange rebased = Change(record, 1, deleted: true);
        AssertStored(Assert.Single((await server.Client.PushOkAsync(phone.Token, rebased)).Results), rebased, SyncOutcomes.Accepted, 2, 2);

        PullChangesResponse page = await server.Client.PullOkAsync(phone.Token, 0);
        Assert.Equal(2, page.Changes.Count);
        AssertChange(page.Changes[0], first, 1, 1, laptop.DeviceId);
        AssertChange(page.Changes[1], rebased, 2, 2, phone.DeviceId);
        Assert.Equal(2, page.NextSequence);
        Assert.Equal(2, page.LatestSequence);
        Assert.False(page.HasMore);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task One_batch_chains_changes_of_a_record_and_answers_in_request_order(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);
        Guid one = Guid.NewGuid();
        Guid two = Guid.NewGuid();
        PushChange c1 = Change(one, 0);
        PushChange c2 = Change(one, 1);
        PushChange c3 = Change(two, 0);
        PushChange c4 = Change(one, 1);
        PushChange c5 = Change(one, 2, deleted: true);
        PushChange c6 = Change(two, 5);

        PushChangesResponse response = await server.Client.PushOkAsync(session.Token, c1, c2, c3, c4, c5, c1, c6);

        Assert.Equal([c1.ChangeId, c2.ChangeId, c3.ChangeId, c4.ChangeId, c5.ChangeId, c1.ChangeId, c6.ChangeId], response.Results.Select(r => r.ChangeId));
        AssertStored(response.Results[0], c1, SyncOutcomes.Accepted, 1, 1);
        AssertStored(response.Results[1], c2, SyncOutcomes.Accepted, 2, 2);
        AssertStored(response.Results[2], c3, SyncOutcomes.Accepted, 3, 1);
        Assert.Equal(SyncOutcomes.Conflict, response.Results[3].Outcome);
        AssertChange(response.Results[3].Current!, c2, 2, 2, session.DeviceId);
        AssertStored(response.Results[4], c5, SyncOutcomes.Accepted, 4, 3);
        AssertStored(response.Results[5], c1, SyncOutcomes.Duplicate, 1, 1);
        Assert.Equal(SyncOutcomes.Conflict, response.Results[6].Outcome);
        AssertChange(response.Results[6].Current!, c3, 3, 1, session.DeviceId);
        Assert.Equal(4, response.LatestSequence);

        PushChange fresh = Change(Guid.NewGuid(), 3);
        PushResult noHead = Assert.Single((await server.Client.PushOkAsync(session.Token, fresh)).Results);
        Assert.Equal(SyncOutcomes.Conflict, noHead.Outcome);
        Assert.Null(noHead.Current);

        var all = await server.Client.PullAllAsync(session.Token);
        Assert.Equal([c1.ChangeId, c2.ChangeId, c3.ChangeId, c5.ChangeId], all.Select(c => c.ChangeId));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_change_id_reused_for_another_record_refuses_the_whole_push(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);
        PushChange stored = Change(Guid.NewGuid(), 0);
        await server.Client.PushOkAsync(session.Token, stored);

        PushChange innocent = Change(Guid.NewGuid(), 0);
        PushChange reused = Change(Guid.NewGuid(), 0) with { ChangeId = stored.ChangeId };
        using (HttpResponseMessage response = await server.Client.PushAsync(session.Token, new PushChangesRequest { Changes = [innocent, reused] }))
        {
            await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest);
        }

        PushChange twice = Change(Guid.NewGuid(), 0);
        using (HttpResponseMessage response = await server.Client.PushAsync(session.Token, new PushChangesRequest { Changes = [twice, Change(Guid.NewGuid(), 0) with { ChangeId = twice.ChangeId }] }))
        {
            await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest);
        }

        PullChangesResponse page = await server.Client.PullOkAsync(session.Token, 0);
        Assert.Equal(stored.ChangeId, Assert.Single(page.Changes).ChangeId);
        Assert.Equal(1, page.LatestSequence);
        AssertStored(Assert.Single((await server.Client.PushOkAsync(session.Token, innocent)).Results), innocent, SyncOutcomes.Accepted, 2, 1);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Pulls_page_by_limit_and_by_the_count_cap(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);
        PushChange[] changes = Enumerable.Range(0, AccountProtocol.MaxPushChanges).Select(_ => Change(Guid.NewGuid(), 0, envelopeBytes: 29)).ToArray();
        await server.Client.PushOkAsync(session.Token, changes);
        await server.Client.PushOkAsync(session.Token, Change(Guid.NewGuid(), 0), Change(Guid.NewGuid(), 0));

        PullChangesResponse capped = await server.Client.PullOkAsync(session.Token, 0, int.MaxValue);
        AssertContinues(capped, 0);
        Assert.Equal(AccountProtocol.MaxPullChanges, capped.Changes.Count);
        Assert.True(capped.HasMore);
        Assert.Equal(5002, capped.LatestSequence);
        Assert.Equal(changes.Select(c => c.ChangeId), capped.Changes.Select(c => c.ChangeId));
        Assert.Equal(changes.Select(c => c.Envelope), capped.Changes.Select(c => c.Envelope));

        PullChangesResponse byDefault = await server.Client.PullOkAsync(session.Token, 0);
        Assert.Equal(AccountProtocol.MaxPullChanges, byDefault.Changes.Count);

        PullChangesResponse small = await server.Client.PullOkAsync(session.Token, 4990, 7);
        AssertContinues(small, 4990);
        Assert.Equal(7, small.Changes.Count);
        Assert.Equal(4997, small.NextSequence);
        Assert.True(small.HasMore);

        PullChangesResponse rest = await server.Client.PullOkAsync(session.Token, 4997, 7);
        AssertContinues(rest, 4997);
        Assert.Equal(5, rest.Changes.Count);
        Assert.False(rest.HasMore);

        PullChangesResponse none = await server.Client.PullOkAsync(session.Token, 5002);
        Assert.Empty(none.Changes);
        Assert.Equal(5002, none.NextSequence);
        Assert.False(none.HasMore);

        PullChangesResponse beyond = await server.Client.PullOkAsync(session.Token, 9000);
        Assert.Empty(beyond.Changes);
        Assert.Equal(9000, beyond.NextSequence);
        Assert.Equal(5002, beyond.LatestSequence);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Pulls_stop_once_the_envelopes_reach_4_MiB_and_large_pushes_pass_their_own_limit(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);
        PushChange[] big = Enumerable.Range(0, 5).Select(_ => Change(Guid.NewGuid(), 0, envelopeBytes: AccountProtocol.MaxSyncEnvelopeBytes)).ToArray();
        PushChange small = Change(Guid.NewGuid(), 0, envelopeBytes: 1000);

        // Two 2 MiB envelopes: about 5.6 MB of JSON, far over the 16 KiB of other routes.
        await server.Client.PushOkAsync(session.Token, big[0], big[1]);
        await server.Client.PushOkAsync(session.Token, small, big[2]);
        await server.Client.PushOkAsync(session.Token, big[3]);
        await server.Client.PushOkAsync(session.Token, big[4]);

        PullChangesResponse first = await server.Client.PullOkAsync(session.Token, 0);
        Assert.Equal([big[0].ChangeId, big[1].ChangeId], first.Changes.Select(c => c.ChangeId));
        Assert.True(first.HasMore);
        PullChangesResponse second = await server.Client.PullOkAsync(session.Token, first.NextSequence);
        Assert.Equal([small.ChangeId, big[2].ChangeId, big[3].ChangeId], second.Changes.Select(c => c.ChangeId));
        Assert.Equal(big[2].Envelope, second.Changes[1].Envelope);
        Assert.True(second.HasMore);
        PullChangesResponse third = await server.Client.PullOkAsync(session.Token, second.NextSequence);
        Assert.Equal(big[4].ChangeId, Assert.Single(third.Changes).ChangeId);
        Assert.False(third.HasMore);

        // The raised limit is the push route's only.
        using HttpResponseMessage other = await server.Client.PostRawAsync(AccountProtocol.ChallengeRoute, "{\"email\":\"" + new string('a', 20_000) + "@x\"}");
        await ProtocolClient.AssertProblemAsync(other, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Conflicts_carry_current_changes_until_their_envelopes_reach_4_MiB(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);
        PushChange[] big = Enumerable.Range(0, 3).Select(_ => Change(Guid.NewGuid(), 0, envelopeBytes: AccountProtocol.MaxSyncEnvelopeBytes)).ToArray();
        PushChange small = Change(Guid.NewGuid(), 0);
        await server.Client.PushOkAsync(session.Token, big[0], big[1]);
        await server.Client.PushOkAsync(session.Token, big[2], small);

        PushChangesResponse response = await server.Client.PushOkAsync(session.Token,
            Change(big[0].RecordId, 0), Change(big[0].RecordId, 0), Change(big[1].RecordId, 0), Change(big[2].RecordId, 0), Change(small.RecordId, 0));

        Assert.All(response.Results, r => Assert.Equal(SyncOutcomes.Conflict, r.Outcome));
        Assert.Equal(big[0].Envelope, response.Results[0].Current!.Envelope);
        Assert.Equal(big[0].Envelope, response.Results[1].Current!.Envelope);
        Assert.Equal(big[1].Envelope, response.Results[2].Current!.Envelope);
        Assert.Null(response.Results[3].Current);
        Assert.Null(response.Results[4].Current);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Another_accounts_log_is_invisible_and_its_ids_are_its_own(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount alice = TestAccount.Create();
        using TestAccount bob = TestAccount.Create();
        SessionResponse a = await server.Client.RegisterOkAsync(alice);
        SessionResponse b = await server.Client.RegisterOkAsync(bob);
        PushChange change = Change(Guid.NewGuid(), 0);
        await server.Client.PushOkAsync(a.Token, change, Change(change.RecordId, 1));

        PullChangesResponse bobs = await server.Client.PullOkAsync(b.Token, 0);
        Assert.Empty(bobs.Changes);
        Assert.Equal(0, bobs.LatestSequence);

        // The same change id and record id in another account are that account's first change.
        PushChange same = change with { Envelope = RandomNumberGenerator.GetBytes(40) };
        AssertStored(Assert.Single((await server.Client.PushOkAsync(b.Token, same)).Results), same, SyncOutcomes.Accepted, 1, 1);
        Assert.Equal(same.Envelope, Assert.Single(await server.Client.PullAllAsync(b.Token)).Envelope);
        Assert.Equal(change.Envelope, (await server.Client.PullAllAsync(a.Token))[0].Envelope);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bad_pushes_and_pulls_are_InvalidRequest_and_oversized_pushes_PayloadTooLarge(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);
        PushChange good = Change(Guid.NewGuid(), 0);

        PushChange[] badChanges =
        [
            good with { ChangeId = Guid.Empty },
            good with { RecordId = Guid.Empty },
            good with { BaseRevision = -1 },
            good with { Envelope = new byte[28] },
            good with { Envelope = new byte[AccountProtocol.MaxSyncEnvelopeBytes + 1] },
            good with { Envelope = null! },
        ];
        foreach (PushChange bad in badChanges)
        {
            using HttpResponseMessage response = await server.Client.PushAsync(session.Token, new PushChangesRequest { Changes = [Change(Guid.NewGuid(), 0), bad] });
            await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest);
        }

        PushChange[] tooMany = Enumerable.Range(0, AccountProtocol.MaxPushChanges + 1).Select(_ => Change(Guid.NewGuid(), 0, envelopeBytes: 29)).ToArray();
        using (HttpResponseMessage response = await server.Client.PushAsync(session.Token, new PushChangesRequest { Changes = tooMany }))
        {
            await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest);
        }

        string goodJson = System.Text.Json.JsonSerializer.Serialize(new PushChangesRequest { Changes = [good] }, ProtocolClient.Json.PushChangesRequest);
        foreach (string body in new[] { goodJson.Replace("}]}", ",\"extra\":1}]}", StringComparison.Ordinal), "{\"changes\":null}", "{}", "[]", "not json", goodJson.Replace("\"baseRevision\":0", "\"baseRevision\":\"0\"", StringComparison.Ordinal) })
        {
            using HttpResponseMessage response = await server.Client.PostRawAsync(AccountProtocol.SyncChangesRoute, body, session.Token);
            await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest);
        }

        string[] badQueries = ["", "?limit=5", "?after=-1", "?after=abc", "?after=1.5", "?after=%2B1", "?after=1&limit=0", "?after=1&limit=-3", "?after=1&limit=x",
            "?after=1&after=2", "?after=1&other=2", "?after=99999999999999999999", "?after=0&limit=99999999999"];
        foreach (string query in badQueries)
        {
            using HttpResponseMessage response = await server.Client.GetAsync(AccountProtocol.SyncChangesRoute + query, session.Token);
            await ProtocolClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidRequest);
        }

        // Over 8 MiB: refused by its length before the body is sent (Expect: 100-continue), and, chunked, once 8 MiB are read.
        PushChange[] overLimit = Enumerable.Range(0, 4).Select(_ => Change(Guid.NewGuid(), 0, envelopeBytes: AccountProtocol.MaxSyncEnvelopeBytes)).ToArray();
        string json = System.Text.Json.JsonSerializer.Serialize(new PushChangesRequest { Changes = overLimit }, ProtocolClient.Json.PushChangesRequest);
        Assert.True(json.Length > AccountProtocol.MaxPushBodyBytes);
        using (HttpResponseMessage sized = await SendPushAsync(server, session.Token, new StringContent(json, System.Text.Encoding.UTF8, "application/json")))
        {
            await ProtocolClient.AssertProblemAsync(sized, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
        }

        var chunked = new StreamContent(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(new string(' ', AccountProtocol.MaxPushBodyBytes + 100))));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using (HttpResponseMessage streamed = await SendPushAsync(server, session.Token, chunked, chunkedTransfer: true))
        {
            await ProtocolClient.AssertProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge);
        }

        // Nothing of all that was stored; an empty push stores nothing and says where the log is.
        PushChangesResponse empty = await server.Client.PushOkAsync(session.Token);
        Assert.Empty(empty.Results);
        Assert.Equal(0, empty.LatestSequence);
        using HttpResponseMessage anonymous = await server.Client.GetAsync(PullRoute(0), null);
        await ProtocolClient.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, ProblemCodes.TokenInvalid);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_key_rotation_drops_the_log_but_sequences_go_on(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        using TestAccount other = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);
        SessionResponse bystander = await server.Client.RegisterOkAsync(other);
        await server.Client.PushOkAsync(session.Token, Change(Guid.NewGuid(), 0), Change(Guid.NewGuid(), 0), Change(Guid.NewGuid(), 0));
        await server.Client.PushOkAsync(bystander.Token, Change(Guid.NewGuid(), 0));

        session = await RotateOkAsync(server, account, session.Token);

        PullChangesResponse after = await server.Client.PullOkAsync(session.Token, 0);
        Assert.Empty(after.Changes);
        Assert.Equal(3, after.LatestSequence);
        Assert.False(after.HasMore);
        PushChange reencrypted = Change(Guid.NewGuid(), 0);
        AssertStored(Assert.Single((await server.Client.PushOkAsync(session.Token, reencrypted)).Results), reencrypted, SyncOutcomes.Accepted, 4, 1);
        Assert.Equal(reencrypted.ChangeId, Assert.Single((await server.Client.PullOkAsync(session.Token, 0)).Changes).ChangeId);
        Assert.Single(await server.Client.PullAllAsync(bystander.Token));
        Assert.Equal(2, (await server.ReadBlobsAsync("SELECT envelope FROM sync_changes")).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_revoked_or_rotated_out_device_can_neither_pull_nor_push(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database);
        using TestAccount account = TestAccount.Create();
        SessionResponse owner = await server.Client.RegisterOkAsync(account, "laptop");
        SessionResponse lost = await server.Client.SignInOkAsync(account, null, "lost phone");
        SessionResponse stale = await server.Client.SignInOkAsync(account, null, "old tablet");
        await server.Client.PushOkAsync(lost.Token, Change(Guid.NewGuid(), 0));

        using (HttpResponseMessage revoke = await server.Client.RevokeAsync(lost.DeviceId, owner.Token))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using (HttpResponseMessage pull = await server.Client.GetAsync(PullRoute(0), lost.Token))
        {
            await ProtocolClient.AssertProblemAsync(pull, HttpStatusCode.Forbidden, ProblemCodes.DeviceRevoked);
        }

        using (HttpResponseMessage push = await server.Client.PushAsync(lost.Token, new PushChangesRequest { Changes = [Change(Guid.NewGuid(), 0)] }))
        {
            await ProtocolClient.AssertProblemAsync(push, HttpStatusCode.Forbidden, ProblemCodes.DeviceRevoked);
        }

        await RotateOkAsync(server, account, owner.Token);

        using (HttpResponseMessage push = await server.Client.PushAsync(stale.Token, new PushChangesRequest { Changes = [Change(Guid.NewGuid(), 0)] }))
        {
            await ProtocolClient.AssertProblemAsync(push, HttpStatusCode.Conflict, ProblemCodes.AccountKeyRotated);
        }

        Assert.Empty(await server.ReadBlobsAsync("SELECT envelope FROM sync_changes"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Sync_routes_count_in_their_own_per_account_partition(string database)
    {
        await using TestServer server = await TestServer.StartAsync(database, s => s with { RateLimitPerAccount = 3, RateLimitSyncPerAccount = 5 });
        using TestAccount account = TestAccount.Create();
        SessionResponse session = await server.Client.RegisterOkAsync(account);

        for (int i = 0; i < 4; i++)
        {
            await server.Client.PullOkAsync(session.Token, 0);
        }

        await server.Client.PushOkAsync(session.Token, Change(Guid.NewGuid(), 0));
        using (HttpResponseMessage limited = await server.Client.GetAsync(PullRoute(0), session.Token))
        {
            await ProtocolClient.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, ProblemCodes.RateLimited);
            Assert.True(limited.Headers.Contains("Retry-After"));
        }

        // Registration spent one of the 3 account requests; the syncs spent none.
        await server.Client.GetAccountOkAsync(session.Token);
        await server.Client.GetAccountOkAsync(session.Token);
        using HttpResponseMessage accountLimited = await server.Client.GetAsync(AccountProtocol.AccountRoute, session.Token);
        await ProtocolClient.AssertProblemAsync(accountLimited, HttpStatusCode.TooManyRequests, ProblemCodes.RateLimited);
    }

    [Fact]
    public void The_sync_limit_defaults_to_600_per_minute() =>
        Assert.Equal(600, new ServerSettings { DataDirectory = "unused" }.RateLimitSyncPerAccount);

    /// <summary>Rotates the account's key from the device of <paramref name="token"/>; returns that device's new session.</summary>
    private static async Task<SessionResponse> RotateOkAsync(TestServer server, TestAccount account, string token)
    {
        (RotateAccountKeyRequest rotation, ECDsa newKey, _) = account.RotationRequest(await server.Client.ChallengeAsync(account.Email));
        using (newKey)
        {
            using HttpResponseMessage rotated = await server.Client.SendJsonAsync(HttpMethod.Put, AccountProtocol.AccountKeyRoute, rotation, ProtocolClient.Json.RotateAccountKeyRequest, token);
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
            return await ProtocolClient.ReadAsync(rotated, ProtocolClient.Json.SessionResponse);
        }
    }

    private static async Task<HttpResponseMessage> SendPushAsync(TestServer server, string token, HttpContent content, bool chunkedTransfer = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AccountProtocol.SyncChangesRoute) { Content = content };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        request.Headers.ExpectContinue = !chunkedTransfer;
        request.Headers.TransferEncodingChunked = chunkedTransfer;
        return await server.Http.SendAsync(request);
    }

    private static void AssertStored(PushResult result, PushChange change, string outcome, long sequence, long revision)
    {
        Assert.Equal(change.ChangeId, result.ChangeId);
        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(sequence, result.Sequence);
        Assert.Equal(revision, result.Revision);
        Assert.Null(result.Current);
    }

    private static void AssertChange(SyncChangeResponse stored, PushChange change, long sequence, long revision, Guid deviceId)
    {
        Assert.Equal(sequence, stored.Sequence);
        Assert.Equal(change.RecordId, stored.RecordId);
        Assert.Equal(revision, stored.Revision);
        Assert.Equal(change.ChangeId, stored.ChangeId);
        Assert.Equal(change.Deleted, stored.Deleted);
        Assert.Equal(deviceId, stored.DeviceId);
        Assert.Equal(change.Envelope, stored.Envelope);
    }
}
