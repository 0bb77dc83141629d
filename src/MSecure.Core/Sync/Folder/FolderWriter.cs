using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Storage;

namespace MSecure.Core.Sync.Folder;

/// <summary>
/// Writes this device's files into its own device folder (created 0700 on Unix): each under the
/// next free number of its kind, never over an existing file, so two processes of one device
/// writing at once take different numbers. Stale temporary files of this device (a write killed
/// midway) older than an hour are removed on the way.
/// </summary>
internal sealed class FolderWriter
{
    /// <summary>A batch holds at most this many changes; a larger export is split into several files.</summary>
    internal const int MaxChangesPerBatch = 10_000;

    /// <summary>A batch holds at most this many envelope bytes (before base64), unless one change alone is larger.</summary>
    internal const long MaxEnvelopeBytesPerBatch = 16L * 1024 * 1024;

    private static readonly TimeSpan StaleTemporaryAge = TimeSpan.FromHours(1);

    private readonly string _deviceFolder;
    private readonly Guid _vaultId;
    private readonly Guid _accountId;
    private readonly SecretKey _recordKey;

    internal FolderWriter(string folder, Guid vaultId, Guid accountId, SecretKey recordKey)
    {
        _deviceFolder = Path.Combine(folder, FolderFileName.DeviceFolderName(vaultId));
        _vaultId = vaultId;
        _accountId = accountId;
        _recordKey = recordKey;
    }

    /// <summary>Writes <paramref name="changes"/> as new batches (split by size); returns the number of files written (0 for no change).</summary>
    internal int WriteBatches(IReadOnlyList<FolderChange> changes)
    {
        int written = 0;
        foreach (List<FolderChange> chunk in Chunks(changes))
        {
            Write(FolderFileKind.Batch, new FolderBatchContent(chunk, null));
            written++;
        }

        return written;
    }

    /// <summary>Writes a compaction; returns its name.</summary>
    internal FolderFileName WriteCompaction(IReadOnlyList<FolderChange> changes, IReadOnlyDictionary<Guid, long> covers) =>
        Write(FolderFileKind.Compaction, new FolderBatchContent(changes, covers));

    /// <summary>This device's files now in its folder.</summary>
    internal List<FolderFileName> ListOwn() => FolderListing.ListDevice(_deviceFolder, _vaultId, null);

    private FolderFileName Write(FolderFileKind kind, FolderBatchContent content)
    {
        VaultFilePermissions.EnsureDirectory(_deviceFolder);
        RemoveStaleTemporaryFiles();
        byte[] json = content.ToJson();
        long number = ListOwn().Where(file => file.Kind == kind).Select(file => file.Number).DefaultIfEmpty(0).Max() + 1;
        while (true)
        {
            if (number > FolderFileName.MaxNumber)
            {
                throw new IOException("The device folder has used every file number.");
            }

            var name = new FolderFileName(_vaultId, kind, number);
            if (FolderFiles.TryCreate(_deviceFolder, name.Name, FolderFileEnvelope.Seal(_recordKey, _accountId, name, json)))
            {
                return name;
            }

            number++;
        }
    }

    private void RemoveStaleTemporaryFiles()
    {
        foreach (string file in Directory.EnumerateFiles(_deviceFolder, "." + "*" + FolderFiles.TemporaryExtension))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > StaleTemporaryAge)
            {
                FolderFiles.TryDelete(file);
            }
        }
    }

    private static IEnumerable<List<FolderChange>> Chunks(IReadOnlyList<FolderChange> changes)
    {
        var chunk = new List<FolderChange>();
        long bytes = 0;
        foreach (FolderChange change in changes)
        {
            if (chunk.Count > 0 && (chunk.Count == MaxChangesPerBatch || bytes + change.Envelope.Length > MaxEnvelopeBytesPerBatch))
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }

            chunk.Add(change);
            bytes += change.Envelope.Length;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
