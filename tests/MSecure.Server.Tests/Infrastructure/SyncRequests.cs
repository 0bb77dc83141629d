using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using Xunit;

namespace MSecure.Server.Tests.Infrastructure;

/// <summary>Pull and push requests of the sync routes, and changes with random envelopes to push.</summary>
public static class SyncRequests
{
    public static string PullRoute(long after, int? limit = null) => limit is int l
        ? string.Create(CultureInfo.InvariantCulture, $"{AccountProtocol.SyncChangesRoute}?after={after}&limit={l}")
        : string.Create(CultureInfo.InvariantCulture, $"{AccountProtocol.SyncChangesRoute}?after={after}");

    public static async Task<PullChangesResponse> PullOkAsync(this ProtocolClient client, string token, long after, int? limit = null)
    {
        using HttpResponseMessage response = await client.GetAsync(PullRoute(after, limit), token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"pull answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await ProtocolClient.ReadAsync(response, ProtocolClient.Json.PullChangesResponse);
    }

    /// <summary>Every change after <paramref name="after"/>, page by page, checking that each page continues the last.</summary>
    public static async Task<List<SyncChangeResponse>> PullAllAsync(this ProtocolClient client, string token, long after = 0, int? limit = null)
    {
        var all = new List<SyncChangeResponse>();
        while (true)
        {
            PullChangesResponse page = await client.PullOkAsync(token, after, limit);
            AssertContinues(page, after);
            all.AddRange(page.Changes);
            after = page.NextSequence;
            if (!page.HasMore)
            {
                return all;
            }
        }
    }

    /// <summary>A page holds exactly the sequences after+1, after+2, … and is consistent with its latest sequence.</summary>
    public static void AssertContinues(PullChangesResponse page, long after)
    {
        for (int i = 0; i < page.Changes.Count; i++)
        {
            Assert.Equal(after + 1 + i, page.Changes[i].Sequence);
        }

        Assert.Equal(page.Changes.Count > 0 ? page.Changes[^1].Sequence : after, page.NextSequence);
        Assert.True(page.LatestSequence >= page.NextSequence, $"latest {page.LatestSequence} < next {page.NextSequence}");
    }

    public static Task<HttpResponseMessage> PushAsync(this ProtocolClient client, string token, PushChangesRequest request) =>
        client.SendJsonAsync(HttpMethod.Post, AccountProtocol.SyncChangesRoute, request, ProtocolClient.Json.PushChangesRequest, token);

    public static async Task<PushChangesResponse> PushOkAsync(this ProtocolClient client, string token, params PushChange[] changes)
    {
        using HttpResponseMessage response = await client.PushAsync(token, new PushChangesRequest { Changes = changes });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"push answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await ProtocolClient.ReadAsync(response, ProtocolClient.Json.PushChangesResponse);
    }

    /// <summary>A change with a fresh id and a random envelope of <paramref name="envelopeBytes"/> bytes.</summary>
    public static PushChange Change(Guid recordId, long baseRevision, bool deleted = false, int envelopeBytes = 64) => new()
    {
        ChangeId = Guid.NewGuid(),
        RecordId = recordId,
        BaseRevision = baseRevision,
        Deleted = deleted,
        Envelope = RandomNumberGenerator.GetBytes(envelopeBytes),
    };
}
