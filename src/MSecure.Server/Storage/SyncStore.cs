using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Accounts.Protocol;
using MSecure.Server.Http;

namespace MSecure.Server.Storage;

/// <summary>Why a push stored nothing.</summary>
internal enum PushRefusal
{
    None,

    /// <summary>A change id the account holds for another record.</summary>
    InvalidRequest,
    DeviceRevoked,
    AccountKeyRotated,
}

/// <summary>
/// The account's change log (docs/ARCHITECTURE.md section 17.1): opaque envelopes with gap-free
/// per-account sequences. A push runs in one transaction that first locks the account's
/// <c>sync_sequences</c> row, so pushes of one account serialize across instances and commit in
/// sequence order: a puller never sees sequence n+1 before n.
/// </summary>
internal sealed class SyncStore(Database database, TimeProvider time)
{
    private const string ChangeColumns = "sequence, record_id, revision, change_id, deleted, device_id, envelope";

    /// <summary>
    /// The changes after <paramref name="after"/> in sequence order: at most <paramref name="limit"/>
    /// (capped at <see cref="AccountProtocol.MaxPullChanges"/>), stopping once the envelopes reach
    /// <see cref="AccountProtocol.MaxPullEnvelopeBytes"/> (always at least one).
    /// </summary>
    public async Task<PullChangesResponse> PullAsync(Guid accountId, long after, int limit, CancellationToken cancellationToken)
    {
        int take = Math.Min(limit, AccountProtocol.MaxPullChanges);
        await using DbConnection connection = await database.OpenAsync(cancellationToken);

        // Sizes first, so that envelopes past the page are never read.
        int count = 0;
        long lastSequence = after;
        bool hasMore = false;
        await using (DbCommand sizes = Database.Command(connection, null,
            "SELECT sequence, CAST(length(envelope) AS BIGINT) FROM sync_changes WHERE account_id = @account AND sequence > @after ORDER BY sequence LIMIT @limit",
            ("@account", accountId.ToText()), ("@after", after), ("@limit", take + 1)))
        await using (DbDataReader reader = await sizes.ExecuteReaderAsync(cancellationToken))
        {
            long envelopeBytes = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                if (count == take || envelopeBytes >= AccountProtocol.MaxPullEnvelopeBytes)
                {
                    hasMore = true;
                    break;
                }

                lastSequence = reader.GetInt64(0);
                envelopeBytes += reader.GetInt64(1);
                count++;
            }
        }

        var changes = new List<SyncChangeResponse>(count);
        if (count > 0)
        {
            await using DbCommand page = Database.Command(connection, null,
                $"SELECT {ChangeColumns} FROM sync_changes WHERE account_id = @account AND sequence > @after AND sequence <= @last ORDER BY sequence",
                ("@account", accountId.ToText()), ("@after", after), ("@last", lastSequence));
            await using DbDataReader reader = await page.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add(ReadChange(reader));
            }
        }

        // Read after the page: sequences only grow, so the latest is never below the page's last.
        long latest = await LatestSequenceAsync(connection, accountId, cancellationToken);
        return new PullChangesResponse
        {
            Changes = changes,
            NextSequence = changes.Count > 0 ? changes[^1].Sequence : after,
            LatestSequence = latest,
            HasMore = hasMore,
        };
    }

    /// <summary>
    /// Applies a push in one transaction: each change in order is a duplicate (its id is stored for
    /// the same record), accepted (its base is the record's head) or a conflict. A change id stored
    /// for another record, or a caller revoked or rotated out meanwhile, stores nothing.
    /// </summary>
    public async Task<(PushChangesResponse? Response, PushRefusal Refusal)> PushAsync(Caller caller, IReadOnlyList<PushChange> changes, CancellationToken cancellationToken)
    {
        string account = caller.AccountId.ToText();
        await using DbConnection connection = await database.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await database.BeginWriteAsync(connection, cancellationToken);
        long last = await LockSequenceAsync(connection, transaction, account, cancellationToken);
        PushRefusal standing = await CheckCallerAsync(connection, transaction, caller, cancellationToken);
        if (standing != PushRefusal.None)
        {
            return (null, standing);
        }

        Dictionary<Guid, StoredChange> stored = await FindChangesAsync(connection, transaction, account, changes, cancellationToken);
        Dictionary<Guid, long> heads = await FindHeadsAsync(connection, transaction, account, changes, cancellationToken);
        var results = new PushResult[changes.Count];
        var accepted = new List<(PushChange Change, long Sequence, long Revision)>();
        var conflicts = new List<(int Index, Guid RecordId, long Head)>();
        for (int i = 0; i < changes.Count; i++)
        {
            PushChange change = changes[i];
            if (stored.TryGetValue(change.ChangeId, out StoredChange? earlier))
            {
                if (earlier.RecordId != change.RecordId)
                {
                    return (null, PushRefusal.InvalidRequest);
                }

                results[i] = Stored(change.ChangeId, SyncOutcomes.Duplicate, earlier.Sequence, earlier.Revision);
                continue;
            }

            long head = heads.GetValueOrDefault(change.RecordId);
            if (change.BaseRevision != head)
            {
                conflicts.Add((i, change.RecordId, head));
                continue;
            }

            long sequence = ++last;
            heads[change.RecordId] = head + 1;
            stored[change.ChangeId] = new StoredChange(change.RecordId, sequence, head + 1);
            accepted.Add((change, sequence, head + 1));
            results[i] = Stored(change.ChangeId, SyncOutcomes.Accepted, sequence, head + 1);
        }

        if (accepted.Count > 0)
        {
            await InsertAsync(connection, transaction, caller, accepted, cancellationToken);
            await using DbCommand advance = Database.Command(connection, transaction,
                "UPDATE sync_sequences SET last_sequence = @last WHERE account_id = @account", ("@last", last), ("@account", account));
            await advance.ExecuteNonQueryAsync(cancellationToken);
        }

        // A conflict answers with the record's head as it was when the change was weighed.
        Dictionary<(Guid, long), SyncChangeResponse> currents = await ReadCurrentsAsync(connection, transaction, account, conflicts, cancellationToken);
        foreach ((int index, Guid recordId, long head) in conflicts)
        {
            results[index] = new PushResult
            {
                ChangeId = changes[index].ChangeId,
                Outcome = SyncOutcomes.Conflict,
                Sequence = null,
                Revision = null,
                Current = currents.GetValueOrDefault((recordId, head)),
            };
        }

        await transaction.CommitAsync(cancellationToken);
        return (new PushChangesResponse { Results = results, LatestSequence = last }, PushRefusal.None);
    }

    /// <summary>
    /// Empties the account's log inside the caller's transaction (key rotation: the old envelopes
    /// no longer open). The sequence row stays, so sequences never go back.
    /// </summary>
    public static async Task DropLogAsync(DbConnection connection, DbTransaction transaction, Guid accountId, CancellationToken cancellationToken)
    {
        string account = accountId.ToText();
        await LockSequenceAsync(connection, transaction, account, cancellationToken);
        await using DbCommand delete = Database.Command(connection, transaction, "DELETE FROM sync_changes WHERE account_id = @account", ("@account", account));
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static PushResult Stored(Guid changeId, string outcome, long sequence, long revision) =>
        new() { ChangeId = changeId, Outcome = outcome, Sequence = sequence, Revision = revision, Current = null };

    /// <summary>Creates or locks the account's sequence row until the transaction ends; returns its value.</summary>
    private static async Task<long> LockSequenceAsync(DbConnection connection, DbTransaction transaction, string account, CancellationToken cancellationToken)
    {
        await using DbCommand command = Database.Command(connection, transaction, """
            INSERT INTO sync_sequences (account_id, last_sequence) VALUES (@account, 0)
            ON CONFLICT (account_id) DO UPDATE SET last_sequence = sync_sequences.last_sequence
            RETURNING last_sequence
            """, ("@account", account));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<long> LatestSequenceAsync(DbConnection connection, Guid accountId, CancellationToken cancellationToken)
    {
        await using DbCommand command = Database.Command(connection, null,
            "SELECT last_sequence FROM sync_sequences WHERE account_id = @account", ("@account", accountId.ToText()));
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }

    /// <summary>The caller's standing under the lock: a revocation or rotation that committed before it refuses the push.</summary>
    private static async Task<PushRefusal> CheckCallerAsync(DbConnection connection, DbTransaction transaction, Caller caller, CancellationToken cancellationToken)
    {
        await using DbCommand command = Database.Command(connection, transaction, """
            SELECT a.key_generation, d.revoked_at FROM accounts a
            JOIN devices d ON d.account_id = a.account_id AND d.device_id = @device
            WHERE a.account_id = @account
            """, ("@account", caller.AccountId.ToText()), ("@device", caller.DeviceId.ToText()));
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || !reader.IsDBNull(1))
        {
            return PushRefusal.DeviceRevoked;
        }

        return reader.GetInt64(0) == caller.KeyGeneration ? PushRefusal.None : PushRefusal.AccountKeyRotated;
    }

    private static async Task<Dictionary<Guid, StoredChange>> FindChangesAsync(
        DbConnection connection, DbTransaction transaction, string account, IReadOnlyList<PushChange> changes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, StoredChange>();
        foreach (IReadOnlyList<PushChange> chunk in SqlBatches.Chunks(changes))
        {
            (string list, (string, object?)[] parameters) = SqlBatches.InList(account, chunk, change => change.ChangeId);
            await using DbCommand command = Database.Command(connection, transaction,
                $"SELECT change_id, record_id, sequence, revision FROM sync_changes WHERE account_id = @account AND change_id IN ({list})", parameters);
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetId(0)] = new StoredChange(reader.GetId(1), reader.GetInt64(2), reader.GetInt64(3));
            }
        }

        return found;
    }

    private static async Task<Dictionary<Guid, long>> FindHeadsAsync(
        DbConnection connection, DbTransaction transaction, string account, IReadOnlyList<PushChange> changes, CancellationToken cancellationToken)
    {
        var heads = new Dictionary<Guid, long>();
        var records = new List<Guid>(new HashSet<Guid>(EachRecord(changes)));
        foreach (IReadOnlyList<Guid> chunk in SqlBatches.Chunks(records))
        {
            (string list, (string, object?)[] parameters) = SqlBatches.InList(account, chunk, id => id);
            await using DbCommand command = Database.Command(connection, transaction,
                $"SELECT record_id, MAX(revision) FROM sync_changes WHERE account_id = @account AND record_id IN ({list}) GROUP BY record_id", parameters);
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                heads[reader.GetId(0)] = reader.GetInt64(1);
            }
        }

        return heads;
    }

    private async Task InsertAsync(
        DbConnection connection, DbTransaction transaction, Caller caller, List<(PushChange Change, long Sequence, long Revision)> accepted, CancellationToken cancellationToken)
    {
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (IReadOnlyList<(PushChange Change, long Sequence, long Revision)> chunk in SqlBatches.Chunks(accepted))
        {
            var rows = new List<string>(chunk.Count);
            var parameters = new List<(string, object?)> { ("@account", caller.AccountId.ToText()), ("@device", caller.DeviceId.ToText()), ("@now", now) };
            for (int i = 0; i < chunk.Count; i++)
            {
                (PushChange change, long sequence, long revision) = chunk[i];
                rows.Add($"(@account, @s{i}, @r{i}, @v{i}, @c{i}, @d{i}, @device, @e{i}, @now)");
                parameters.AddRange([($"@s{i}", sequence), ($"@r{i}", change.RecordId.ToText()), ($"@v{i}", revision),
                    ($"@c{i}", change.ChangeId.ToText()), ($"@d{i}", change.Deleted), ($"@e{i}", change.Envelope)]);
            }

            await using DbCommand command = Database.Command(connection, transaction,
                "INSERT INTO sync_changes (account_id, sequence, record_id, revision, change_id, deleted, device_id, envelope, created_at) VALUES "
                + string.Join(", ", rows), [.. parameters]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The stored changes at the (record, revision) pairs of the conflicts (revision 0: none), in
    /// conflict order until their envelopes reach <see cref="AccountProtocol.MaxPullEnvelopeBytes"/>,
    /// like a pull page; the rest are left out (the next pull brings them).
    /// </summary>
    private static async Task<Dictionary<(Guid, long), SyncChangeResponse>> ReadCurrentsAsync(
        DbConnection connection, DbTransaction transaction, string account, List<(int Index, Guid RecordId, long Head)> conflicts, CancellationToken cancellationToken)
    {
        var wanted = new List<(Guid RecordId, long Revision)>();
        var seen = new HashSet<(Guid, long)>();
        foreach ((_, Guid recordId, long head) in conflicts)
        {
            if (head > 0 && seen.Add((recordId, head)))
            {
                wanted.Add((recordId, head));
            }
        }

        var sizes = new Dictionary<(Guid, long), long>();
        foreach (((Guid, long) key, long size) in await SelectRevisionsAsync(connection, transaction, account, wanted,
            "record_id, revision, CAST(length(envelope) AS BIGINT)", reader => ((reader.GetId(0), reader.GetInt64(1)), reader.GetInt64(2)), cancellationToken))
        {
            sizes[key] = size;
        }

        var within = new List<(Guid RecordId, long Revision)>();
        long envelopeBytes = 0;
        foreach ((Guid, long) pair in wanted)
        {
            if (envelopeBytes >= AccountProtocol.MaxPullEnvelopeBytes)
            {
                break;
            }

            within.Add(pair);
            envelopeBytes += sizes.GetValueOrDefault(pair);
        }

        var found = new Dictionary<(Guid, long), SyncChangeResponse>();
        foreach (SyncChangeResponse change in await SelectRevisionsAsync(connection, transaction, account, within, ChangeColumns, ReadChange, cancellationToken))
        {
            found[(change.RecordId, change.Revision)] = change;
        }

        return found;
    }

    private static async Task<List<T>> SelectRevisionsAsync<T>(
        DbConnection connection, DbTransaction transaction, string account, List<(Guid RecordId, long Revision)> pairs, string columns,
        Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        foreach (IReadOnlyList<(Guid RecordId, long Revision)> chunk in SqlBatches.Chunks(pairs))
        {
            var clauses = new List<string>(chunk.Count);
            var parameters = new List<(string, object?)> { ("@account", account) };
            for (int i = 0; i < chunk.Count; i++)
            {
                clauses.Add($"(record_id = @r{i} AND revision = @v{i})");
                parameters.AddRange([($"@r{i}", chunk[i].RecordId.ToText()), ($"@v{i}", chunk[i].Revision)]);
            }

            await using DbCommand command = Database.Command(connection, transaction,
                $"SELECT {columns} FROM sync_changes WHERE account_id = @account AND ({string.Join(" OR ", clauses)})", [.. parameters]);
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }
        }

        return rows;
    }

    private static SyncChangeResponse ReadChange(DbDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        RecordId = reader.GetId(1),
        Revision = reader.GetInt64(2),
        ChangeId = reader.GetId(3),
        Deleted = reader.GetBoolean(4),
        DeviceId = reader.GetId(5),
        Envelope = reader.GetBytes(6),
    };

    private static IEnumerable<Guid> EachRecord(IReadOnlyList<PushChange> changes)
    {
        foreach (PushChange change in changes)
        {
            yield return change.RecordId;
        }
    }

    private sealed record StoredChange(Guid RecordId, long Sequence, long Revision);
}
