using MSecure.Core.Accounts.Protocol;

namespace MSecure.Core.Sync;

/// <summary>The account server's sync routes as server sync uses them (the signed-in client, or a test double).</summary>
internal interface ISyncServer
{
    /// <summary>The server's address, for results and errors.</summary>
    string Source { get; }

    /// <summary>
    /// The account's changes after sequence <paramref name="after"/>, at most <paramref name="limit"/>.
    /// Called from a worker thread too (the next page is fetched while one is applied), never
    /// concurrently with another call.
    /// </summary>
    PullChangesResponse Pull(long after, int limit);

    /// <summary>Pushes a batch of changes.</summary>
    PushChangesResponse Push(PushChangesRequest request);
}
