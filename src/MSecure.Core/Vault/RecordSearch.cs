using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MSecure.Core.Records;
using MSecure.Core.Records.Serialization;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// Answers a <see cref="RecordQuery"/>: streams the live rows' summary envelopes (or, for a text
/// search, the full envelopes) out of one read transaction in batches, and decrypts and filters
/// each batch on the thread pool while the next is read. Every worker has its own AES-GCM
/// instance and a pinned plaintext buffer wiped after every envelope. With a name pattern, only
/// the name is parsed until it matches. Results are sorted by name, ignoring case.
/// </summary>
internal static class RecordSearch
{
    /// <summary>Rows per work item.</summary>
    private const int BatchSize = 2048;

    /// <summary>
    /// Runs <paramref name="query"/>. When the session has not verified the vault state since
    /// another connection last wrote, the scan also reads tombstones and every worker folds its
    /// rows into the record-set digest, compared with the state read in the same snapshot.
    /// </summary>
    internal static IReadOnlyList<RecordSummary> Run(UnlockedVault vault, RecordQuery query)
    {
        var filter = new RecordFilter(query);
        bool full = query.NeedsFullRecords;
        RecordCipher cipher = vault.Codec.Cipher;
        var work = new List<Task<BatchResult>>();
        ScannedRow[]? held = null;
        (VaultState Stored, long DataVersion)? toVerify = null;
        try
        {
            vault.Read(() =>
            {
                toVerify = vault.StateToVerify();
                bool digest = toVerify is not null;
                void OnBatch(ScannedRow[] batch)
                {
                    // Hand the previous batch to a worker; the last one is decrypted here.
                    if (held is not null)
                    {
                        ScannedRow[] rows = held;
                        work.Add(Task.Run(() => DecryptBatch(cipher, filter, full, rows, digest)));
                    }

                    held = batch;
                }

                // Every row, tombstones included, with its deleted flag read strictly: a filter in SQL
                // ("deleted = 0") would skip a live row whose flag was stored as another type.
                RecordStore.ScanAll(vault.Database, full, BatchSize, OnBatch);

                return 0;
            });

            if (held is not null)
            {
                work.Add(Task.FromResult(DecryptBatch(cipher, filter, full, held, toVerify is not null)));
            }
        }
        finally
        {
            // No worker may outlive the call: the session's keys could be wiped right after it.
            WaitQuietly(work);
        }

        RethrowFirstFailure(work);
        if (toVerify is { } verify)
        {
            byte[] digest = new byte[RecordSetHasher.DigestLength];
            foreach (Task<BatchResult> task in work)
            {
                RecordSetHasher.Xor(digest, task.Result.Digest!);
            }

            vault.Accept(verify.Stored, digest, verify.DataVersion);
        }

        return SortByName(work.Select(task => task.Result).ToList());
    }

    private static BatchResult DecryptBatch(RecordCipher cipher, RecordFilter filter, bool full, ScannedRow[] rows, bool computeDigest)
    {
        var matches = new List<RecordSummary>();
        var keys = new List<(string Key, Guid Id)>();
        byte[]? digest = null;
        if (computeDigest)
        {
            digest = new byte[RecordSetHasher.DigestLength];
            var states = new RowState[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                states[i] = rows[i].State;
            }

            using var hasher = new RecordSetHasher(cipher.Keys, cipher.VaultId);
            hasher.ToggleMany(digest, states);
        }

        int longest = rows.Max(row => row.Envelope.Length);
        byte[] plaintext = GC.AllocateArray<byte>(Math.Max(longest, 1), pinned: true);
        using AesGcm aes = cipher.CreateWorkerCipher();
        try
        {
            foreach (ScannedRow scanned in rows)
            {
                RowState row = scanned.State;
                if (row.Deleted)
                {
                    continue;
                }

                int length = cipher.Open(aes, full ? EnvelopeRole.Record : EnvelopeRole.Summary, row.Id, row.Revision, scanned.Envelope.Span, plaintext);
                try
                {
                    ReadOnlySpan<byte> json = plaintext.AsSpan(0, length);
                    if ((full ? FromRecord(row, json, filter) : FromSummary(row, json, filter)) is { } match)
                    {
                        matches.Add(match);
                        keys.Add((match.Name.ToUpperInvariant(), match.Id));
                    }
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(plaintext.AsSpan(0, length));
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }

        return new BatchResult(matches, keys, digest);
    }

    private static RecordSummary? FromSummary(RowState row, ReadOnlySpan<byte> json, RecordFilter filter)
    {
        if (filter.HasNamePattern && !filter.MatchesName(SummaryReader.ReadName(json) ?? throw RecordCodec.Unreadable(row.Id)))
        {
            return null;
        }

        SummaryDocument document = RecordSerializer.ReadSummary(json) ?? throw RecordCodec.Unreadable(row.Id);
        return filter.Matches(document.Name!, document.Template, document.Tags, document.Favorite)
            ? new RecordSummary(row.Id, row.Revision, document.Name!, document.Template, RecordSerializer.TagsOf(document.Tags),
                document.Favorite, DateTimeOffset.FromUnixTimeMilliseconds(document.Modified))
            : null;
    }

    private static RecordSummary? FromRecord(RowState row, ReadOnlySpan<byte> json, RecordFilter filter)
    {
        RecordDocument document = RecordSerializer.ReadRecord(json) ?? throw RecordCodec.Unreadable(row.Id);
        return filter.Matches(document)
            ? new RecordSummary(row.Id, row.Revision, document.Name!, document.Template, RecordSerializer.TagsOf(document.Tags),
                document.Favorite, DateTimeOffset.FromUnixTimeMilliseconds(document.Modified))
            : null;
    }

    /// <summary>
    /// The matches of every batch sorted by name ignoring case (ordinal on upper-cased names, which
    /// the workers computed once per record), then by id.
    /// </summary>
    private static RecordSummary[] SortByName(List<BatchResult> batches)
    {
        int total = batches.Sum(batch => batch.Matches.Count);
        var matches = new RecordSummary[total];
        var keys = new (string Key, Guid Id)[total];
        int offset = 0;
        foreach (BatchResult batch in batches)
        {
            batch.Matches.CopyTo(matches, offset);
            batch.Keys.CopyTo(keys, offset);
            offset += batch.Matches.Count;
        }

        Array.Sort(keys, matches, KeyComparer.Instance);
        return matches;
    }

    private static void WaitQuietly(List<Task<BatchResult>> work)
    {
        try
        {
            Task.WaitAll(work.ToArray<Task>());
        }
        catch (AggregateException)
        {
            // Reported by RethrowFirstFailure, in batch order.
        }
    }

    /// <summary>Rethrows the failure of the earliest failed batch (a tampered record) as itself.</summary>
    private static void RethrowFirstFailure(List<Task<BatchResult>> work)
    {
        foreach (Task task in work)
        {
            if (task.Exception is { } failure)
            {
                ExceptionDispatchInfo.Capture(failure.InnerExceptions[0]).Throw();
            }
        }
    }

    /// <summary>A batch's matches with their sort keys and, when asked for, its share of the record-set digest.</summary>
    private sealed record BatchResult(List<RecordSummary> Matches, List<(string Key, Guid Id)> Keys, byte[]? Digest);

    private sealed class KeyComparer : IComparer<(string Key, Guid Id)>
    {
        internal static readonly KeyComparer Instance = new();

        public int Compare((string Key, Guid Id) x, (string Key, Guid Id) y)
        {
            int byName = string.CompareOrdinal(x.Key, y.Key);
            return byName != 0 ? byName : x.Id.CompareTo(y.Id);
        }
    }
}
