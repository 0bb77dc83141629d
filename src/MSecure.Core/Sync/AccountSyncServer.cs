using System;
using MSecure.Core.Accounts;
using MSecure.Core.Accounts.Protocol;

namespace MSecure.Core.Sync;

/// <summary>The sync routes through a signed-in <see cref="AccountConnection"/> (signs in again when the token expired).</summary>
internal sealed class AccountSyncServer : ISyncServer
{
    private readonly AccountConnection _connection;
    private readonly Func<Func<string, object>, object> _authorized;

    /// <summary>Calls through <paramref name="authorized"/>, which runs a call with a valid token; it must not touch the vault (pages are fetched on another thread).</summary>
    internal AccountSyncServer(AccountConnection connection, Func<Func<string, object>, object> authorized)
    {
        _connection = connection;
        _authorized = authorized;
    }

    /// <inheritdoc/>
    public string Source => _connection.Client.Server.AbsoluteUri;

    /// <inheritdoc/>
    public PullChangesResponse Pull(long after, int limit) =>
        (PullChangesResponse)_authorized(token => _connection.Client.PullChanges(token, after, limit));

    /// <inheritdoc/>
    public PushChangesResponse Push(PushChangesRequest request) =>
        (PushChangesResponse)_authorized(token => _connection.Client.PushChanges(token, request));
}
