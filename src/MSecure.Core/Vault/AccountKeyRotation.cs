using System;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Records.Serialization;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// Replaces the Account Key: a new AK and its derived keys, every record, summary, tombstone and
/// history envelope re-sealed and every name index recomputed, a new verifier and wrapped key,
/// all in one write transaction. Revisions do not change. Any failure (a tampered record
/// included) rolls everything back and the session keeps its old keys.
/// </summary>
internal static class AccountKeyRotation
{
    private const int BatchSize = 512;

    /// <summary>
    /// Rotates the Account Key; <paramref name="password"/> proves the caller and wraps the new key.
    /// <paramref name="beforeCommit"/> (the account server's key replacement) runs inside the write
    /// transaction after every local change, with the new keys and verifier: when it fails, nothing
    /// local changes; only a crash between its success and the commit separates the two.
    /// </summary>
    internal static EmergencyKit Run(UnlockedVault vault, ReadOnlySpan<char> password, Action<AccountKeys, byte[]>? beforeCommit = null)
    {
        VaultMetadata before = vault.Read(() => MetaStore.Read(vault.Database));
        // Proves the password (WrongPassword otherwise); the epoch check in the write proves the key is this session's.
        before.ToWrappedAccountKey().Unwrap(password).Dispose();

        RecordCodec? newCodec = null;
        try
        {
            WrappedAccountKey wrapped;
            byte[] verifier;
            using (AccountKey accountKey = AccountKey.Generate())
            {
                AccountKeys keys = AccountKeys.Derive(accountKey, before.AccountId);
                newCodec = new RecordCodec(new RecordCipher(keys, vault.VaultId));
                verifier = AccountVerifier.Create(keys);
                wrapped = WrappedAccountKey.Wrap(before.AccountId, before.Email, accountKey, password, before.KdfParameters);
            }

            long revision = vault.Write(() =>
            {
                PasswordChange.EnsureUnchanged(vault, before);
                VaultState stored = vault.ReadState();
                vault.EnsureMetadataMatches(stored);
                byte[] oldDigest = new byte[RecordSetHasher.DigestLength], newDigest = new byte[RecordSetHasher.DigestLength];
                ResealRecords(vault, newCodec, oldDigest, newDigest);

                // The rows just re-sealed must be the ones the old state vouches for; the new
                // state vouches for the same rows (with their new name indexes) under the new keys.
                if (!stored.Matches(oldDigest))
                {
                    throw MSecureErrors.VaultTampered(vault.Path, "the records do not match the vault's record-set digest");
                }

                ResealHistory(vault, newCodec);
                Access.AccessKeyEntries.Reseal(vault, newCodec);
                MetaStore.UpdateWrappedKey(vault.Database, wrapped);
                MetaStore.UpdateVerifierAndAdvanceEpoch(vault.Database, verifier);
                var next = new VaultState(stored.Revision + 1, newDigest, MetadataHash.Of(MetaStore.Read(vault.Database)));
                MetaStore.UpdateState(vault.Database, next.Seal(newCodec.Cipher.Keys, vault.VaultId));
                Sync.SyncAfterRotation.Reset(vault, newCodec.Cipher.Keys);
                beforeCommit?.Invoke(newCodec.Cipher.Keys, verifier);
                return next.Revision;
            });

            vault.ReplaceKeys(newCodec, vault.KeyEpoch + 1, revision);
            newCodec = null;
            return new EmergencyKit(wrapped);
        }
        finally
        {
            newCodec?.Dispose();
        }
    }

    private static void ResealRecords(UnlockedVault vault, RecordCodec target, byte[] oldDigest, byte[] newDigest)
    {
        RecordCipher source = vault.Codec.Cipher;
        using var oldHasher = new RecordSetHasher(source.Keys, vault.VaultId);
        using var newHasher = new RecordSetHasher(target.Cipher.Keys, vault.VaultId);
        long after = 0;
        while (true)
        {
            var batch = RecordStore.ReadBatch(vault.Database, after, BatchSize);
            var oldStates = new RowState[batch.Count];
            var newStates = new RowState[batch.Count];
            for (int i = 0; i < batch.Count; i++)
            {
                (long seq, StoredRecord row) = batch[i];
                byte[] content = Reseal(source, target.Cipher, EnvelopeRole.Record, row.Id, row.Revision, RecordReader.ContentOf(row), out _);
                byte[]? summary = null, nameIndex = null;
                if (!row.Deleted)
                {
                    summary = Reseal(source, target.Cipher, EnvelopeRole.Summary, row.Id, row.Revision, row.Summary ?? [], out string? name);
                    nameIndex = target.Cipher.NameIndex(name ?? throw RecordCodec.Unreadable(row.Id));
                }

                oldStates[i] = new RowState(row.Id, row.Revision, row.Deleted, NameIndexBlocks.From(row.NameIndex));
                newStates[i] = new RowState(row.Id, row.Revision, row.Deleted, NameIndexBlocks.From(nameIndex));
                RecordStore.UpdateCiphertexts(vault.Database, seq, nameIndex, summary, content);
                after = seq;
            }

            oldHasher.ToggleMany(oldDigest, oldStates);
            newHasher.ToggleMany(newDigest, newStates);

            if (batch.Count < BatchSize)
            {
                return;
            }
        }
    }

    private static void ResealHistory(UnlockedVault vault, RecordCodec target)
    {
        RecordCipher source = vault.Codec.Cipher;
        long after = 0;
        while (true)
        {
            var batch = HistoryStore.ReadBatch(vault.Database, after, BatchSize);
            foreach ((long rowId, StoredEnvelope entry) in batch)
            {
                byte[] content = Reseal(source, target.Cipher, EnvelopeRole.History, entry.Id, entry.Revision, entry.Envelope, out _);
                HistoryStore.UpdateContent(vault.Database, rowId, content);
                after = rowId;
            }

            if (batch.Count < BatchSize)
            {
                return;
            }
        }
    }

    /// <summary>Opens with the old key and seals the same bytes with the new one; for a summary, also reads the name.</summary>
    private static byte[] Reseal(RecordCipher source, RecordCipher target, EnvelopeRole role, Guid id, long revision, byte[] envelope, out string? summaryName)
    {
        byte[] plaintext = source.Open(role, id, revision, envelope);
        try
        {
            summaryName = role == EnvelopeRole.Summary ? RecordSerializer.ReadSummary(plaintext)?.Name : null;
            return target.Seal(role, id, revision, plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
