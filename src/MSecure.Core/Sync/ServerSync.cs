using System;
using System.Diagnostics;
using MSecure.Core.Accounts.Protocol;
using MSecure.Core.Errors;
using MSecure.Core.Vault;

namespace MSecure.Core.Sync;

/// <summary>
/// Sync through the account server (docs/ARCHITECTURE.md section 17.2): pull every page after the
/// cursor (each checked, then applied in one transaction with the cursor), push the outbox, and
/// repeat until a push meets no conflict and nothing is pending (at most <see cref="MaxRounds"/>).
/// Every step is one transaction or idempotent (change ids), so a sync killed anywhere is finished
/// by the next.
/// </summary>
internal static class ServerSync
{
    /// <summary>The most pull/push rounds of one sync.</summary>
    internal const int MaxRounds = 10;

    /// <summary>Syncs <paramref name="vault"/> with <paramref name="server"/>.</summary>
    /// <exception cref="MSecureException">SyncTampered, SyncRolledBack, SyncNotConfigured, and the server's errors.</exception>
    internal static SyncResult Run(UnlockedVault vault, ISyncServer server, Action<SyncProgress>? progress, bool acceptServerRollback = false)
    {
        var clock = Stopwatch.StartNew();
        SyncState? state = vault.Read(() => SyncStateStore.Read(vault));
        if (state is not null && state.Method != SyncState.ServerMethod)
        {
            throw MSecureErrors.SyncNotConfigured(vault.Path);
        }

        using var envelopes = new SyncEnvelope(vault.Codec.Cipher.Keys.RecordEncryption, vault.AccountId, server.Source);
        var applier = new ServerPageApplier(vault, envelopes);
        var push = new ServerPush(vault, server, envelopes);
        if (acceptServerRollback && state is not null)
        {
            ForgetServerLog(vault, state);
            progress?.Invoke(new SyncProgress(SyncStage.Pushing, 0, 0, null));
            push.Run(pushed => progress?.Invoke(new SyncProgress(SyncStage.Pushing, 0, pushed, null)));
        }

        for (int round = 0; round < MaxRounds; round++)
        {
            Pull(vault, server, applier, push, progress);
            progress?.Invoke(new SyncProgress(SyncStage.Pushing, applier.Applied, push.Pushed, null));
            bool conflicts = push.Run(pushed => progress?.Invoke(new SyncProgress(SyncStage.Pushing, applier.Applied, pushed, null)));
            if (!conflicts && vault.Read(() => SyncOutbox.Count(vault.Database)) == 0)
            {
                break;
            }
        }

        return new SyncResult(SyncMethod.Server, server.Source, applier.Applied, push.Pushed, applier.Conflicts, [], clock.Elapsed);
    }

    /// <summary>
    /// Recovery from SyncRolledBack: every record back in the outbox with nothing assumed on the
    /// server, and the cursor and highest sequence at 0. The push that follows runs BEFORE any pull:
    /// the server answers "duplicate" for every change it still holds (by change id) and stores the
    /// ones it lost; a pull first would take the server's revisions for conflicts with this device's own.
    /// </summary>
    private static void ForgetServerLog(UnlockedVault vault, SyncState state) => vault.Write(() =>
    {
        SyncOutbox.QueueAll(vault.Database);
        SyncStateStore.Write(vault, state with { Cursor = 0, Highest = 0 });
        return 0;
    });

    private static void Pull(UnlockedVault vault, ISyncServer server, ServerPageApplier applier, ServerPush push, Action<SyncProgress>? progress)
    {
        bool askedAgain = false;
        PageFetch? prefetched = null;
        try
        {
            while (true)
            {
                SyncState? state = vault.Read(() => SyncStateStore.Read(vault));
                long cursor = state?.Cursor ?? 0;
                PullChangesResponse page;
                if (prefetched is not null && prefetched.After == cursor)
                {
                    page = prefetched.Result();
                }
                else
                {
                    // Never two calls at once: a fetch for another cursor finishes before the new one starts.
                    prefetched?.Abandon();
                    page = server.Pull(cursor, AccountProtocol.MaxPullChanges);
                }

                prefetched = null;
                PullPageCheck.Check(server.Source, cursor, state?.Highest ?? 0, AccountProtocol.MaxPullChanges, page);
                if (page.Changes.Count == 0 && page.LatestSequence > cursor)
                {
                    // A push that committed while the page was read shows up when asked again; a server
                    // that still serves nothing after the cursor it says exists is withholding changes.
                    if (askedAgain)
                    {
                        throw MSecureErrors.SyncTampered(server.Source, "the server reports changes after this device's cursor but serves none of them.");
                    }

                    askedAgain = true;
                    continue;
                }

                progress?.Invoke(new SyncProgress(SyncStage.Pulling, applier.Applied, push.Pushed, page.LatestSequence - cursor));

                // The server reads the next page (on the other core) while this one is applied.
                if (page.HasMore)
                {
                    prefetched = PageFetch.Start(server, page.NextSequence);
                }

                // The first pull after a rotation here also clears the rotation mark (the applier writes a fresh state).
                if ((page.Changes.Count > 0 || state is null || state.RotatedSinceSync) && !applier.Apply(cursor, page.Changes, page.NextSequence, state))
                {
                    continue;
                }

                if (!page.HasMore)
                {
                    return;
                }
            }
        }
        finally
        {
            prefetched?.Abandon();
        }
    }

    /// <summary>A page requested ahead on a worker thread; its result (or error) is taken on the sync's thread.</summary>
    private sealed class PageFetch
    {
        private readonly System.Threading.Tasks.Task<PullChangesResponse> _task;

        private PageFetch(long after, System.Threading.Tasks.Task<PullChangesResponse> task)
        {
            After = after;
            _task = task;
        }

        /// <summary>The cursor the page was asked after.</summary>
        internal long After { get; }

        internal static PageFetch Start(ISyncServer server, long after) =>
            new(after, System.Threading.Tasks.Task.Run(() => server.Pull(after, AccountProtocol.MaxPullChanges)));

        /// <summary>The page, or the fetch's exception as it was thrown.</summary>
        internal PullChangesResponse Result() => _task.GetAwaiter().GetResult();

        /// <summary>
        /// Waits for a fetch that will not be used (another process moved the cursor, or the sync
        /// failed), so that no call of it is still running when the caller moves on; its outcome is dropped.
        /// </summary>
        internal void Abandon()
        {
            try
            {
                _task.Wait();
            }
            catch (AggregateException)
            {
                // Not used: its error does not matter.
            }
        }
    }
}
