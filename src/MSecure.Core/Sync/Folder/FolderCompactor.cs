using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// Compaction: writes <c>compact-&lt;n&gt;</c> in this device's folder holding every change this
/// device has, with <c>covers</c> = for each device the highest n such that this device holds the
/// changes of all its batches 1..n; then deletes the batches so covered (except each device's
/// newest batch, which keeps that device's numbering going up), the compactions this device had
/// processed (same nonce, so a rewritten one is kept) and its own older compactions. Readers take
/// the union of all files, so no interleaving with other writers, readers or compactions loses a
/// change: a file is deleted only once the new compaction, written before, holds its changes.
/// </summary>
internal static class FolderCompactor
{
    /// <summary>See <see cref="SyncFolder.Compact"/>.</summary>
    internal static FolderCompaction Compact(string folder, FolderWriter writer, Guid ownVaultId, Guid accountId, SecretKey recordKey,
        IReadOnlyList<FolderChange> everything, FolderState state)
    {
        var held = everything.Select(change => change.ChangeId).ToHashSet();
        List<FolderFileName> own = writer.ListOwn();
        var covers = new Dictionary<Guid, long>();
        foreach (Guid author in state.Authors.Where(author => author != ownVaultId))
        {
            long contiguous = state.BatchesOf(author).ContiguousFromOne;
            if (contiguous > 0)
            {
                covers[author] = contiguous;
            }
        }

        long ownCovered = OwnBatchesHeld(folder, own, accountId, recordKey, held);
        if (ownCovered > 0)
        {
            covers[ownVaultId] = ownCovered;
        }

        List<FolderChange> unique = [.. everything.DistinctBy(change => change.ChangeId)];
        FolderFileName written = writer.WriteCompaction(unique, covers);

        IReadOnlyList<FolderFileName> present = FolderListing.Read(folder).Files;
        Dictionary<Guid, long> newestBatch = present.Where(file => file.Kind == FolderFileKind.Batch)
            .GroupBy(file => file.Author).ToDictionary(group => group.Key, group => group.Max(file => file.Number));
        int deleted = 0;
        foreach (FolderFileName file in present)
        {
            if (ShouldDelete(folder, file, written, covers, newestBatch, state) && FolderFiles.TryDelete(FolderReader.PathOf(folder, file)))
            {
                deleted++;
            }
        }

        return new FolderCompaction(written, unique.Count, deleted);
    }

    /// <summary>
    /// The highest n such that every change of this device's batches 1..n is in <paramref name="held"/>
    /// (a batch already gone was deleted by a compaction that held it). Checked, not assumed: another
    /// process of this vault may have exported changes after <paramref name="held"/> was read.
    /// </summary>
    private static long OwnBatchesHeld(string folder, List<FolderFileName> own, Guid accountId, SecretKey recordKey, HashSet<Guid> held)
    {
        long covered = 0;
        foreach (FolderFileName batch in own.Where(file => file.Kind == FolderFileKind.Batch).OrderBy(file => file.Number))
        {
            FolderFileRead? read = FolderReader.ReadFile(folder, batch, accountId, recordKey, out _);
            if (read is null || !read.Changes.All(change => held.Contains(change.ChangeId)))
            {
                break;
            }

            covered = batch.Number;
        }

        return covered;
    }

    private static bool ShouldDelete(string folder, FolderFileName file, FolderFileName written, Dictionary<Guid, long> covers,
        Dictionary<Guid, long> newestBatch, FolderState state)
    {
        if (file.Kind == FolderFileKind.Compaction)
        {
            if (file.Author == written.Author)
            {
                return file.Number < written.Number;
            }

            return state.KnowsCompaction(file) && FolderReader.NonceOnDisk(folder, file) is { } nonce && state.HasCompaction(file, nonce);
        }

        return covers.TryGetValue(file.Author, out long covered) && file.Number <= covered && file.Number < newestBatch[file.Author];
    }
}
