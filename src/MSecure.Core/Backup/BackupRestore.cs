using System;
using System.Collections.Generic;
using System.IO;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Sync;
using MSecure.Core.Vault;

namespace MSecure.Core.Backup;

/// <summary>
/// Restores a backup in two passes over the file: the first authenticates and parses ALL of it
/// (nothing is written, so a tampered or truncated file changes nothing); the second reads it again
/// inside ONE write transaction and merges every chain (<see cref="RecordRestore"/>), so any failure,
/// a file changed between the passes included, rolls everything back.
/// </summary>
internal static class BackupRestore
{
    internal static BackupRestoreResult Run(UnlockedVault vault, Stream source, BackupCredentials credentials, bool dryRun, string path)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(credentials);
        if (!source.CanSeek)
        {
            throw new ArgumentException("A backup is read twice: the stream must be seekable.", nameof(source));
        }

        long start = source.Position;
        BackupHeader header = BackupFileInfo.ReadHeader(source, path);
        using SecretKey master = credentials.MasterFor(header, vault.Codec.Cipher.Keys, path);
        using BackupKeys keys = BackupKeys.Derive(master, header);
        if (!keys.Opens(header))
        {
            throw MSecureErrors.BackupKeyWrong(path, header.Mode == BackupSealMode.Password);
        }

        long chunksStart = start + BackupHeader.Length;
        BackupRestoreResult result = Verify(source, header, keys, path, dryRun);
        source.Position = chunksStart;
        using var reader = new BackupChunkReader(source, header, keys, path);
        (Guid VaultId, Guid AccountId, long CreatedAt) info = BackupPayload.ReadInfo(reader, path);
        if (info.VaultId != result.SourceVaultId || info.CreatedAt != result.CreatedAt.ToUnixTimeMilliseconds())
        {
            throw MSecureErrors.BackupTampered(path, "it changed while it was being restored");
        }

        long records = 0, revisions = 0;
        RecordRestore.Apply(vault, result, dryRun, () =>
        {
            (Guid Id, List<RevisionText> Revisions)? next = BackupPayload.ReadRecord(reader, path, records, revisions);
            if (next is { } chain)
            {
                records++;
                revisions += chain.Revisions.Count;
            }

            return next;
        });
        return result;
    }

    /// <summary>The first pass: every chunk authenticates and every revision parses; returns the counts.</summary>
    private static BackupRestoreResult Verify(Stream source, BackupHeader header, BackupKeys keys, string path, bool dryRun)
    {
        using var reader = new BackupChunkReader(source, header, keys, path);
        (Guid vaultId, _, long createdAt) = BackupPayload.ReadInfo(reader, path);
        var result = new BackupRestoreResult(header.Mode, vaultId, DateTimeOffset.FromUnixTimeMilliseconds(createdAt), dryRun);
        long records = 0, revisions = 0;
        var seen = new HashSet<Guid>();
        while (BackupPayload.ReadRecord(reader, path, records, revisions) is { } chain)
        {
            chain.Revisions.ForEach(revision => revision.Dispose());
            if (!seen.Add(chain.Id))
            {
                throw MSecureErrors.BackupInvalid(path, $"record {chain.Id} appears twice.");
            }

            records++;
            revisions += chain.Revisions.Count;
        }

        result.Records = records;
        result.Revisions = revisions;
        return result;
    }
}
