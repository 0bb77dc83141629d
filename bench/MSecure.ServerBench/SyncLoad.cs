using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;

namespace MSecure.ServerBench;

/// <summary>
/// Sync traffic of one account: full pushes of new records (every change accepted) and full pull
/// pages, each of <see cref="BatchSize"/> changes with envelopes of <see cref="EnvelopeBytes"/> bytes
/// (about a login record's sealed JSON).
/// </summary>
internal static class SyncLoad
{
    public const int BatchSize = AccountProtocol.MaxPushChanges;

    public const int EnvelopeBytes = 512;

    private static readonly byte[] Envelope = RandomNumberGenerator.GetBytes(EnvelopeBytes);

    /// <summary>Pushes <see cref="BatchSize"/> new records; fails unless every one is accepted.</summary>
    public static async Task PushAsync(HttpClient http, BenchAccount account)
    {
        var request = new PushChangesRequest
        {
            Changes = Enumerable.Range(0, BatchSize).Select(_ => new PushChange
            {
                ChangeId = Guid.NewGuid(),
                RecordId = Guid.NewGuid(),
                BaseRevision = 0,
                Deleted = false,
                Envelope = Envelope,
            }).ToList(),
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, AccountProtocol.SyncChangesRoute)
        {
            Content = JsonContent.Create(request, ProtocolJsonContext.Default.PushChangesRequest),
        };
        message.Headers.Authorization = new("Bearer", account.Token);
        using HttpResponseMessage response = await http.SendAsync(message);
        PushChangesResponse answer = await BenchAccount.ReadAsync(response, ProtocolJsonContext.Default.PushChangesResponse, "push");
        if (answer.Results.Count != BatchSize || answer.Results.Any(r => r.Outcome != SyncOutcomes.Accepted))
        {
            throw new InvalidOperationException("The server did not accept every pushed change.");
        }
    }

    /// <summary>Pulls one full page after a random sequence of an account holding at least <paramref name="logLength"/> changes.</summary>
    public static async Task PullAsync(HttpClient http, BenchAccount account, long logLength)
    {
        long after = Random.Shared.NextInt64(0, logLength - BatchSize + 1);
        using var message = new HttpRequestMessage(HttpMethod.Get, FormattableString.Invariant($"{AccountProtocol.SyncChangesRoute}?after={after}&limit={BatchSize}"));
        message.Headers.Authorization = new("Bearer", account.Token);
        using HttpResponseMessage response = await http.SendAsync(message);
        PullChangesResponse page = await BenchAccount.ReadAsync(response, ProtocolJsonContext.Default.PullChangesResponse, "pull");
        if (page.Changes.Count != BatchSize || page.Changes[0].Sequence != after + 1)
        {
            throw new InvalidOperationException("The server answered a pull with another page.");
        }
    }
}
