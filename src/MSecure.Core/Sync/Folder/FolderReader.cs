using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// Reads the files of other devices that this device has not processed: lists every device folder
/// (names only), skips what the state marks processed, reads new compactions first (they cover
/// batches, which then need not be read), then the remaining new batches, in parallel. A file
/// that is short, does not authenticate or does not parse becomes a warning; one that vanished
/// meanwhile (deleted by a compaction) is passed over.
/// </summary>
internal static class FolderReader
{
    /// <summary>See <see cref="SyncFolder.ReadNew"/>.</summary>
    internal static FolderReadResult ReadNew(string folder, Guid ownVaultId, Guid accountId, SecretKey recordKey, FolderState state)
    {
        FolderListing listing = FolderListing.Read(folder);
        var warnings = new List<SyncWarning>(listing.Warnings);
        List<FolderFileName> others = [.. listing.Files.Where(file => file.Author != ownVaultId)];
        var compactionsPresent = others.Where(file => file.Kind == FolderFileKind.Compaction).Select(file => (file.Author, file.Number)).ToHashSet();

        var newCompactions = others.Where(file => file.Kind == FolderFileKind.Compaction && !IsProcessedCompaction(folder, file, state)).ToList();
        List<FolderFileRead> compactions = ReadAll(folder, newCompactions, accountId, recordKey, warnings);

        FolderState covered = state.With(compactions);
        var newBatches = others.Where(file => file.Kind == FolderFileKind.Batch && !covered.HasBatch(file.Author, file.Number)).ToList();
        List<FolderFileRead> batches = ReadAll(folder, newBatches, accountId, recordKey, warnings);

        return new FolderReadResult(state, [.. compactions, .. batches], warnings, compactionsPresent);
    }

    /// <summary>The full path of <paramref name="file"/> in <paramref name="folder"/>.</summary>
    internal static string PathOf(string folder, FolderFileName file) =>
        Path.Combine(folder, FolderFileName.DeviceFolderName(file.Author), file.Name);

    /// <summary>The envelope nonce of a file on disk (base64), or null when it is gone or too short.</summary>
    internal static string? NonceOnDisk(string folder, FolderFileName file)
    {
        byte[]? start = FolderFiles.TryReadStart(PathOf(folder, file), FolderFileEnvelope.MinimumLength);
        return start is null || start.Length < FolderFileEnvelope.MinimumLength ? null : Convert.ToBase64String(FolderFileEnvelope.NonceOf(start));
    }

    /// <summary>Reads, authenticates and parses one file: the file, or null with a warning (or with none when it vanished).</summary>
    internal static FolderFileRead? ReadFile(string folder, FolderFileName file, Guid accountId, SecretKey recordKey, out SyncWarning? warning)
    {
        string path = PathOf(folder, file);
        warning = null;
        byte[]? content;
        try
        {
            content = FolderFiles.TryRead(path, Array.MaxLength, out bool tooLarge);
            if (tooLarge)
            {
                warning = new SyncWarning(path, "the file is too large to be a sync file.");
                return null;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            warning = new SyncWarning(path, $"the file cannot be read now ({exception.GetType().Name}); it is read again by the next sync.");
            return null;
        }

        if (content is null)
        {
            return null;
        }

        byte[]? json = FolderFileEnvelope.TryOpen(recordKey, accountId, file, content, out string reason);
        FolderBatchContent? batch = json is null ? null : FolderBatchContent.TryParse(json, file.Kind, out reason);
        if (batch is null)
        {
            warning = new SyncWarning(path, reason);
            return null;
        }

        return new FolderFileRead(file, Convert.ToBase64String(FolderFileEnvelope.NonceOf(content)), batch.Changes, batch.Covers ?? new Dictionary<Guid, long>());
    }

    private static bool IsProcessedCompaction(string folder, FolderFileName file, FolderState state) =>
        state.KnowsCompaction(file) && NonceOnDisk(folder, file) is { } nonce && state.HasCompaction(file, nonce);

    private static List<FolderFileRead> ReadAll(string folder, List<FolderFileName> files, Guid accountId, SecretKey recordKey, List<SyncWarning> warnings)
    {
        files.Sort((left, right) => (left.Author, left.Number).CompareTo((right.Author, right.Number)));
        var reads = new FolderFileRead?[files.Count];
        var fileWarnings = new SyncWarning?[files.Count];
        Parallel.For(0, files.Count, index => reads[index] = ReadFile(folder, files[index], accountId, recordKey, out fileWarnings[index]));
        warnings.AddRange(fileWarnings.OfType<SyncWarning>());
        return [.. reads.OfType<FolderFileRead>()];
    }
}
