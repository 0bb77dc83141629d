using MSecure.Core.Accounts.Protocol;

namespace MSecure.Core.Sync;

/// <summary>The account server's sync routes as server sync uses them (the signed-in client, or a test double).</summary>
internal interface ISyncServer
{
    /// <summary>The server's address, for results and errors.</summary>
    string Source { get; }

    /// <summary>The account's changes after sequence <paramref name="after"/>, at most <paramref name="limit"/>.</summary>
    PullChangesResponse Pull(long after, int limit);

    /// <summary>Pushes a batch of changes.</summary>
    PushChangesResponse Push(PushChangesRequest request);
}
