using System;
using System.IO;
using MSecure.Core.Cryptography;
using MSecure.Core.Storage;
using MSecure.Core.Sync;
using MSecure.Core.Vault;

namespace MSecure.Core.Backup;

/// <summary>
/// Writes a backup: the header, then every live record's whole chain (history oldest first, the
/// current revision last), read in ONE read transaction after the vault state is verified, and
/// encrypted chunk by chunk as it is read (memory does not grow with the vault).
/// </summary>
internal static class BackupExport
{
    private const int PageSize = 512;

    internal static BackupExportResult Run(UnlockedVault vault, Stream destination, BackupSealMode mode, ReadOnlySpan<char> password, KdfParameters? kdf)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (mode is not (BackupSealMode.Password or BackupSealMode.AccountKey))
        {
            throw new ArgumentOutOfRangeException(nameof(mode));
        }

        KdfParameters cost = kdf ?? vault.Read(() => MetaStore.Read(vault.Database).KdfParameters);
        BackupHeader header = BackupHeader.Create(mode, vault.AccountId, cost);
        using SecretKey master = mode == BackupSealMode.Password
            ? UnlockKeyDerivation.Derive(password, header.KdfSalt, cost)
            : BackupKeys.AccountBackupKey(vault.Codec.Cipher.Keys);
        using BackupKeys keys = BackupKeys.Derive(master, header);
        header.SetKeyCheck(keys.KeyCheckOf(header));
        destination.Write(header.Bytes);
        using var writer = new BackupChunkWriter(destination, header, keys);
        (long records, long revisions) = vault.Read(() =>
        {
            vault.EnsureVerified();
            BackupPayload.WriteInfo(writer, vault.VaultId, vault.AccountId, VaultClock.NowMilliseconds());
            return WriteChains(vault, writer);
        });
        writer.Complete();
        destination.Flush();
        return new BackupExportResult(mode, records, revisions, BackupHeader.Length + writer.BytesWritten);
    }

    private static (long Records, long Revisions) WriteChains(UnlockedVault vault, BackupChunkWriter writer)
    {
        long records = 0, revisions = 0;
        using var chain = new LocalChain(vault, change: null);
        long after = 0;
        while (true)
        {
            var rows = RecordStore.ReadBatch(vault.Database, after, PageSize);
            foreach ((long seq, StoredRecord row) in rows)
            {
                after = seq;
                if (row.Deleted)
                {
                    continue;
                }

                RecordReader.EnsureNotRolledBack(row);
                BackupPayload.WriteRecordStart(writer, row.Id, row.Revision);
                for (long revision = 1; revision <= row.Revision; revision++)
                {
                    using RevisionText stored = chain.Read(row, revision);
                    RevisionText text = stored.WithWrittenMetadata(chain.Buffer);
                    try
                    {
                        BackupPayload.WriteRevision(writer, text);
                    }
                    finally
                    {
                        if (!ReferenceEquals(text, stored))
                        {
                            text.Dispose();
                        }
                    }
                }

                records++;
                revisions += row.Revision;
            }

            if (rows.Count < PageSize)
            {
                BackupPayload.WriteEnd(writer, records, revisions);
                return (records, revisions);
            }
        }
    }
}
