using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using MSecure.Core.Accounts;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;
using MSecure.Server.Tests.Infrastructure;
using Xunit;

namespace MSecure.Accounts.Tests;

/// <summary>AccountServerClient.PullChanges and PushChanges: against canned answers (shape checks, retries, size limits) and the real server.</summary>
public sealed class SyncClientTests
{
    private static readonly Guid RecordId = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    private static readonly PushChange First = Pushed(Guid.Parse("11111111-1111-1111-1111-111111111111"), RecordId, 0);
    private static readonly PushChange Second = Pushed(Guid.Parse("22222222-2222-2222-2222-222222222222"), RecordId, 1);

    private static AccountServerOptions Fast => AccountServerHost.ClientOptions with { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(5) };

    private static PushChangesRequest Request => new() { Changes = [First, Second] };

    public static TheoryData<string> MalformedPushAnswers => new()
    {
        """{"results":[{"changeId":"11111111-1111-1111-1111-111111111111","outcome":"accepted","sequence":1,"revision":1,"current":null}],"latestSequence":1}""",
        """{"results":[{"changeId":"22222222-2222-2222-2222-222222222222","outcome":"accepted","sequence":1,"revision":1,"current":null},{"changeId":"11111111-1111-1111-1111-111111111111","outcome":"accepted","sequence":2,"revision":2,"current":null}],"latestSequence":2}""",
        """{"results":[{"changeId":"11111111-1111-1111-1111-111111111111","outcome":"merged","sequence":1,"revision":1,"current":null},{"changeId":"22222222-2222-2222-2222-222222222222","outcome":"accepted","sequence":2,"revision":2,"current":null}],"latestSequence":2}""",
        """{"results":[{"changeId":"11111111-1111-1111-1111-111111111111","outcome":"accepted","sequence":null,"revision":1,"current":null},{"changeId":"22222222-2222-2222-2222-222222222222","outcome":"accepted","sequence":2,"revision":2,"current":null}],"latestSequence":2}""",
        """{"results":[{"changeId":"11111111-1111-1111-1111-111111111111","outcome":"accepted","sequence":1,"revision":null,"current":null},{"changeId":"22222222-2222-2222-2222-222222222222","outcome":"accepted","sequence":2,"revision":2,"current":null}],"latestSequence":2}""",
        """{"results":[{"changeId":"11111111-1111-1111-1111-111111111111","outcome":"accepted","sequence":1,"revision":5,"current":null},{"changeId":"22222222-2222-2222-2222-222222222222","outcome":"accepted","sequence":2,"revision":2,"current":null}],"latestSequence":2}""",
        """{"results":[{"changeId":"11111111-1111-1111-1111-111111111111","outcome":"duplicate","sequence":7,"revision":1,"current":null},{"changeId":"22222222-2222-2222-2222-222222222222","outcome":"accepted","sequence":2,"revision":2,"current":null}],"latestSequence":2}""",
        """{"results":[{"changeId":"11111111-1111-1111-1111-111111111111","outcome":"accepted","sequence":1,"revision":1,"current":null},{"changeId":"22222222-2222-2222-2222-222222222222","outcome":"conflict","sequence":2,"revision":null,"current":null}],"latestSequence":2}""",
        """{"results":[{"changeId":"11111111-1111-1111-1111-111111111111","outcome":"accepted","sequence":1,"revision":1,"current":null},{"changeId":"22222222-2222-2222-2222-222222222222","outcome":"conflict","sequence":null,"revision":null,"current":{"sequence":1,"recordId":"00000000-0000-0000-0000-00000000000a","revision":1,"changeId":"11111111-1111-1111-1111-111111111111","deleted":false,"deviceId":"00000000-0000-0000-0000-00000000000b","envelope":"AAAA"}}],"latestSequence":1}""",
        """{"results":[{"changeId":"11111111-1111-1111-1111-111111111111","outcome":"accepted","sequence":1,"revision":1,"current":null},{"changeId":"22222222-2222-2222-2222-222222222222","outcome":"conflict","sequence":null,"revision":null,"current":{"sequence":1,"recordId":"6f9619ff-8b86-d011-b42d-00c04fc964ff","revision":1,"changeId":"11111111-1111-1111-1111-111111111111","deleted":false,"deviceId":"00000000-0000-0000-0000-00000000000b","envelope":null}}],"latestSequence":1}""",
        """{"results":null,"latestSequence":0}""",
        """{"results":[null,null],"latestSequence":0}""",
    };

    public static TheoryData<string> MalformedPullAnswers => new()
    {
        """{"changes":null,"nextSequence":0,"latestSequence":0,"hasMore":false}""",
        """{"changes":[],"nextSequence":0,"latestSequence":3,"hasMore":true}""",
        """{"changes":[null],"nextSequence":1,"latestSequence":1,"hasMore":false}""",
        """{"changes":[{"sequence":1,"recordId":"6f9619ff-8b86-d011-b42d-00c04fc964ff","revision":1,"changeId":"11111111-1111-1111-1111-111111111111","deleted":false,"deviceId":"00000000-0000-0000-0000-00000000000b","envelope":null}],"nextSequence":1,"latestSequence":1,"hasMore":false}""",
        """{"changes":[{"sequence":0,"recordId":"6f9619ff-8b86-d011-b42d-00c04fc964ff","revision":1,"changeId":"11111111-1111-1111-1111-111111111111","deleted":false,"deviceId":"00000000-0000-0000-0000-00000000000b","envelope":"AAAA"}],"nextSequence":0,"latestSequence":1,"hasMore":false}""",
        """{"changes":[{"sequence":1,"recordId":"6f9619ff-8b86-d011-b42d-00c04fc964ff","revision":0,"changeId":"11111111-1111-1111-1111-111111111111","deleted":false,"deviceId":"00000000-0000-0000-0000-00000000000b","envelope":"AAAA"}],"nextSequence":1,"latestSequence":1,"hasMore":false}""",
        """{"changes":[{"sequence":1,"recordId":"00000000-0000-0000-0000-000000000000","revision":1,"changeId":"11111111-1111-1111-1111-111111111111","deleted":false,"deviceId":"00000000-0000-0000-0000-00000000000b","envelope":"AAAA"}],"nextSequence":1,"latestSequence":1,"hasMore":false}""",
        """{"changes":[],"nextSequence":-1,"latestSequence":0,"hasMore":false}""",
        """{"changes":[],"nextSequence":0,"latestSequence":0,"hasMore":false,"extra":1}""",
    };

    [Fact]
    public void A_well_formed_push_answer_is_returned()
    {
        const string Answer = """{"results":[{"changeId":"11111111-1111-1111-1111-111111111111","outcome":"duplicate","sequence":1,"revision":1,"current":null},{"changeId":"22222222-2222-2222-2222-222222222222","outcome":"conflict","sequence":null,"revision":null,"current":{"sequence":2,"recordId":"6f9619ff-8b86-d011-b42d-00c04fc964ff","revision":2,"changeId":"33333333-3333-3333-3333-333333333333","deleted":true,"deviceId":"00000000-0000-0000-0000-00000000000b","envelope":"AAAA"}}],"latestSequence":2}""";
        using var server = new CannedHttpServer(CannedHttpServer.Response(200, "application/json", Answer));
        using var client = new AccountServerClient(server.Server, null, Fast);

        PushChangesResponse response = client.PushChanges("mst_token", Request);

        Assert.Equal(SyncOutcomes.Duplicate, response.Results[0].Outcome);
        Assert.Equal(SyncOutcomes.Conflict, response.Results[1].Outcome);
        Assert.Equal(Guid.Parse("33333333-3333-3333-3333-333333333333"), response.Results[1].Current!.ChangeId);
        Assert.Equal(new byte[3], response.Results[1].Current!.Envelope);
    }

    [Theory]
    [MemberData(nameof(MalformedPushAnswers))]
    public void A_malformed_push_answer_is_ServerProtocolError(string answer)
    {
        using var server = new CannedHttpServer(CannedHttpServer.Response(200, "application/json", answer));
        using var client = new AccountServerClient(server.Server, null, Fast);

        MSecureException error = Assert.Throws<MSecureException>(() => client.PushChanges("mst_token", Request));
        Assert.Equal(MSecureErrorCode.ServerProtocolError, error.Code);
        Assert.DoesNotContain("mst_token", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MalformedPullAnswers))]
    public void A_malformed_pull_answer_is_ServerProtocolError(string answer)
    {
        using var server = new CannedHttpServer(CannedHttpServer.Response(200, "application/json", answer));
        using var client = new AccountServerClient(server.Server, null, Fast);

        Assert.Equal(MSecureErrorCode.ServerProtocolError, Assert.Throws<MSecureException>(() => client.PullChanges("mst_token", 0, 10)).Code);
    }

    [Fact]
    public void A_pull_answer_with_more_changes_than_asked_for_is_ServerProtocolError()
    {
        string two = PullAnswer(2, hasMore: false);
        using var server = new CannedHttpServer(CannedHttpServer.Response(200, "application/json", two));
        using var client = new AccountServerClient(server.Server, null, Fast);

        Assert.Equal(2, client.PullChanges("mst_token", 0, 2).Changes.Count);
        Assert.Equal(MSecureErrorCode.ServerProtocolError, Assert.Throws<MSecureException>(() => client.PullChanges("mst_token", 0, 1)).Code);
    }

    [Fact]
    public void Pushes_and_pulls_are_retried_like_idempotent_requests()
    {
        const string Accepted = """{"results":[{"changeId":"11111111-1111-1111-1111-111111111111","outcome":"accepted","sequence":1,"revision":1,"current":null},{"changeId":"22222222-2222-2222-2222-222222222222","outcome":"accepted","sequence":2,"revision":2,"current":null}],"latestSequence":2}""";

        // A connection lost in the middle of the answer: retried only for requests that may run twice.
        string cut = "HTTP/1.1 200 X\r\nContent-Type: application/json\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"results\":";
        using (var server = new CannedHttpServer(cut, CannedHttpServer.Response(200, "application/json", Accepted)))
        using (var client = new AccountServerClient(server.Server, null, Fast))
        {
            Assert.Equal(2, client.PushChanges("mst_token", Request).LatestSequence);
            Assert.Equal(2, server.Requests);
        }

        using (var server = new CannedHttpServer(CannedHttpServer.Response(503, "text/plain", "busy"), cut, CannedHttpServer.Response(200, "application/json", PullAnswer(1, false))))
        using (var client = new AccountServerClient(server.Server, null, Fast))
        {
            Assert.Single(client.PullChanges("mst_token", 0, 5).Changes);
            Assert.Equal(3, server.Requests);
        }
    }

    [Fact]
    public void Pull_answers_may_be_16_MiB_while_other_answers_stay_limited_to_1_MiB()
    {
        string padding = new(' ', 3 * 1024 * 1024);
        using (var server = new CannedHttpServer(CannedHttpServer.Response(200, "application/json", PullAnswer(1, false) + padding)))
        using (var client = new AccountServerClient(server.Server, null, Fast))
        {
            Assert.Single(client.PullChanges("mst_token", 0, 5).Changes);
        }

        using (var server = new CannedHttpServer(CannedHttpServer.Response(200, "application/json", "{\"protocolVersion\":1,\"registration\":\"open\"}" + padding)))
        using (var client = new AccountServerClient(server.Server, null, Fast))
        {
            Assert.Throws<MSecureException>(() => client.GetServerInfo());
        }

        using (var server = new CannedHttpServer(CannedHttpServer.Response(200, "application/json", PullAnswer(1, false) + new string(' ', 17 * 1024 * 1024))))
        using (var client = new AccountServerClient(server.Server, null, Fast))
        {
            Assert.Throws<MSecureException>(() => client.PullChanges("mst_token", 0, 5));
        }
    }

    [Fact]
    public void Bad_arguments_are_refused_before_any_request()
    {
        using var server = new CannedHttpServer(CannedHttpServer.Response(200, "application/json", PullAnswer(0, false)));
        using var client = new AccountServerClient(server.Server, null, Fast);

        Assert.Throws<ArgumentOutOfRangeException>(() => client.PullChanges("mst_token", -1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.PullChanges("mst_token", 0, 0));
        Assert.Throws<ArgumentNullException>(() => client.PushChanges("mst_token", null!));
        Assert.Equal(0, server.Requests);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Changes_round_trip_through_the_real_server_page_by_page(string database)
    {
        await using AccountServerHost host = await AccountServerHost.StartAsync(database);
        using var client = new AccountServerClient(host.Server, host.Fingerprint, AccountServerHost.ClientOptions);
        using TestAccount account = TestAccount.Create();
        string token = client.Register(account.RegisterRequest()).Token;

        // Three 1.5 MiB envelopes: one page of about 6 MiB of JSON, over the 1 MiB other answers may have.
        PushChange[] big = Enumerable.Range(0, 3).Select(_ => Pushed(Guid.NewGuid(), Guid.NewGuid(), 0, 1536 * 1024)).ToArray();
        PushChange[] small = Enumerable.Range(0, 10).Select(_ => Pushed(Guid.NewGuid(), Guid.NewGuid(), 0, 100)).ToArray();
        Assert.All(client.PushChanges(token, new PushChangesRequest { Changes = big }).Results, r => Assert.Equal(SyncOutcomes.Accepted, r.Outcome));
        Assert.All(client.PushChanges(token, new PushChangesRequest { Changes = small }).Results, r => Assert.Equal(SyncOutcomes.Accepted, r.Outcome));
        Assert.All(client.PushChanges(token, new PushChangesRequest { Changes = small }).Results, r => Assert.Equal(SyncOutcomes.Duplicate, r.Outcome));
        PushResult conflict = Assert.Single(client.PushChanges(token, new PushChangesRequest { Changes = [Pushed(Guid.NewGuid(), small[0].RecordId, 0, 50)] }).Results);
        Assert.Equal(small[0].ChangeId, conflict.Current!.ChangeId);

        var pulled = new List<SyncChangeResponse>();
        long after = 0;
        PullChangesResponse page;
        do
        {
            page = client.PullChanges(token, after, 4);
            pulled.AddRange(page.Changes);
            after = page.NextSequence;
        }
        while (page.HasMore);

        Assert.Equal(big.Concat(small).Select(c => c.ChangeId), pulled.Select(c => c.ChangeId));
        Assert.Equal(big.Concat(small).Select(c => c.Envelope), pulled.Select(c => c.Envelope));
        Assert.Equal(Enumerable.Range(1, 13).Select(i => (long)i), pulled.Select(c => c.Sequence));
    }

    private static PushChange Pushed(Guid changeId, Guid recordId, long baseRevision, int envelopeBytes = 32) => new()
    {
        ChangeId = changeId,
        RecordId = recordId,
        BaseRevision = baseRevision,
        Deleted = false,
        Envelope = RandomNumberGenerator.GetBytes(envelopeBytes),
    };

    private static string PullAnswer(int count, bool hasMore) => JsonSerializer.Serialize(new PullChangesResponse
    {
        Changes = Enumerable.Range(1, count).Select(i => new SyncChangeResponse
        {
            Sequence = i,
            RecordId = Guid.NewGuid(),
            Revision = 1,
            ChangeId = Guid.NewGuid(),
            Deleted = false,
            DeviceId = Guid.NewGuid(),
            Envelope = new byte[29],
        }).ToList(),
        NextSequence = count,
        LatestSequence = count,
        HasMore = hasMore,
    }, ProtocolJsonContext.Default.PullChangesResponse);
}
