using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Tests.Infrastructure;
using Xunit;
using static MSecure.Server.Tests.Infrastructure.SyncRequests;

namespace MSecure.Server.Tests;

/// <summary>A real msecure-server process: what it logs about sync at Trace level, and its sync rate-limit option.</summary>
public sealed class SyncLogTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_server_log_names_sync_by_ids_and_counts_never_an_envelope_and_the_sync_limit_option_applies(string database)
    {
        await using PostgresTestDatabase? postgres = database == TestDatabases.Postgres ? await PostgresTestDatabase.CreateAsync() : null;
        var arguments = new List<string>
        {
            "--data-dir", Path.Combine(Path.GetTempPath(), "msecure-server-process-" + Guid.NewGuid().ToString("N")), "--port", "0",
            "--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft.AspNetCore=Trace", "--rate-limit-sync-per-account", "4",
        };
        if (postgres is not null)
        {
            arguments.AddRange(["--postgres", postgres.ConnectionString]);
        }

        var envelopes = new List<byte[]>();
        Guid record = Guid.NewGuid();
        string output;
        await using (ServerProcess server = await ServerProcess.StartAsync([.. arguments]))
        {
            using HttpClient http = PinnedHttpClient.Create(server.BaseAddress, server.Fingerprint);
            var client = new ProtocolClient(http);
            using TestAccount account = TestAccount.Create();
            SessionResponse session = await client.RegisterOkAsync(account);

            PushChange first = Change(record, 0, envelopeBytes: 48);
            PushChange second = Change(record, 1, envelopeBytes: 300);
            PushChange conflicting = Change(record, 1, deleted: true, envelopeBytes: 64);
            envelopes.AddRange([first.Envelope, second.Envelope, conflicting.Envelope]);
            await client.PushOkAsync(session.Token, first, second, first, conflicting);
            await client.PullAllAsync(session.Token);
            using HttpResponseMessage refused = await client.PushAsync(session.Token, new PushChangesRequest { Changes = [Change(Guid.NewGuid(), 0) with { ChangeId = first.ChangeId }] });
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
            await client.PullOkAsync(session.Token, 2);
            using HttpResponseMessage limited = await client.GetAsync(PullRoute(2), session.Token);
            await ProtocolClient.AssertProblemAsync(limited, System.Net.HttpStatusCode.TooManyRequests, ProblemCodes.RateLimited);
            await server.DisposeAsync();
            output = server.Output;
        }

        Assert.Contains("pushed 2 accepted, 1 duplicate and 1 conflicting changes", output, StringComparison.Ordinal);
        Assert.Contains("pulled 2 changes after sequence 0", output, StringComparison.Ordinal);
        Assert.Contains("push refused (InvalidRequest)", output, StringComparison.Ordinal);
        foreach (byte[] envelope in envelopes)
        {
            // Any 12 consecutive bytes of an envelope, in any of the usual text forms.
            string base64 = Convert.ToBase64String(envelope);
            string hex = Convert.ToHexString(envelope);
            Assert.DoesNotContain(base64[..16], output, StringComparison.Ordinal);
            Assert.DoesNotContain(base64[..16].Replace('+', '-').Replace('/', '_'), output, StringComparison.Ordinal);
            Assert.DoesNotContain(hex[..24], output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(envelope, 12, 12), output, StringComparison.Ordinal);
        }
    }
}
