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
    internal static SyncResult Run(UnlockedVault vault, ISyncServer server, Action<SyncProgress>? progress)
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

    private static void Pull(UnlockedVault vault, ISyncServer server, ServerPageApplier applier, ServerPush push, Action<SyncProgress>? progress)
    {
        while (true)
        {
            SyncState? state = vault.Read(() => SyncStateStore.Read(vault));
            long cursor = state?.Cursor ?? 0;
            PullChangesResponse page = server.Pull(cursor, AccountProtocol.MaxPullChanges);
            PullPageCheck.Check(server.Source, cursor, AccountProtocol.MaxPullChanges, page);
            progress?.Invoke(new SyncProgress(SyncStage.Pulling, applier.Applied, push.Pushed, page.LatestSequence - cursor));
            // An empty last page below the latest sequence: the changes in between were dropped by a
            // key rotation; the cursor moves to the latest so this device's next pushes continue it.
            long next = page.Changes.Count == 0 && !page.HasMore ? page.LatestSequence : page.NextSequence;
            if ((page.Changes.Count > 0 || state is null || next != cursor) && !applier.Apply(cursor, page.Changes, next, state))
            {
                continue;
            }

            if (!page.HasMore)
            {
                return;
            }
        }
    }
}
