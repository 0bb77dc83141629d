using System;
using MSecure.Core.Errors;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// What an unlocked session works with: its own database connection, the record codec (keys)
/// and the key epoch they belong to. Every operation runs in one transaction that first checks
/// the epoch, so a session whose keys another process rotated stops instead of writing
/// envelopes nobody can open.
/// </summary>
internal sealed class UnlockedVault : IDisposable
{
    /// <summary>The record-set state this session last verified (or wrote on top of a verified one); null when none.</summary>
    private RecordSetState? _verified;

    /// <summary>The connection's data_version when <see cref="_verified"/> was verified.</summary>
    private long _verifiedDataVersion;

    /// <summary>The highest vault revision this session has seen: an anchor below it was rolled back.</summary>
    private long _highestRevision;

    internal UnlockedVault(VaultDatabase database, RecordCodec codec, Guid accountId, long keyEpoch)
    {
        Database = database;
        Codec = codec;
        AccountId = accountId;
        KeyEpoch = keyEpoch;
    }

    /// <summary>The session's connection.</summary>
    internal VaultDatabase Database { get; }

    /// <summary>The record codec holding the current keys.</summary>
    internal RecordCodec Codec { get; private set; }

    /// <summary>The account id.</summary>
    internal Guid AccountId { get; }

    /// <summary>The vault id.</summary>
    internal Guid VaultId => Codec.Cipher.VaultId;

    /// <summary>The key epoch the codec's keys belong to.</summary>
    internal long KeyEpoch { get; private set; }

    /// <summary>Runs <paramref name="work"/> in a read transaction after checking the keys are current.</summary>
    internal T Read<T>(Func<T> work) => Database.Read(() =>
    {
        EnsureCurrentKeys();
        return work();
    });

    /// <summary>Runs <paramref name="work"/> in a write transaction after checking the keys are current.</summary>
    internal T Write<T>(Func<T> work) => Database.Write(() =>
    {
        EnsureCurrentKeys();
        return work();
    });

    /// <summary>Switches to the keys of a rotation that just committed; wipes the old ones.</summary>
    internal void ReplaceKeys(RecordCodec codec, long keyEpoch, long recordSetRevision)
    {
        RecordCodec old = Codec;
        Codec = codec;
        KeyEpoch = keyEpoch;
        old.Dispose();

        // The next read verifies the re-sealed anchor by a scan under the new keys.
        _verified = null;
        _highestRevision = Math.Max(_highestRevision, recordSetRevision);
    }

    /// <summary>
    /// Inside a read or write transaction: unless this session already verified the record set
    /// and no other connection committed since (PRAGMA data_version), scans every row's
    /// (id, revision, deleted), recomputes the record-set digest and compares it with the anchor.
    /// No envelope is decrypted. Skipped while the vault has no anchor yet (created before schema 2).
    /// </summary>
    /// <exception cref="MSecureException">VaultTampered.</exception>
    internal void EnsureRecordSetVerified(bool force = false)
    {
        long dataVersion = Database.ReadDataVersion();
        if (!force && _verified is not null && dataVersion == _verifiedDataVersion)
        {
            return;
        }

        if (ReadAnchor() is not { } stored)
        {
            return;
        }

        Accept(stored, ComputeDigest(), dataVersion);
    }

    /// <summary>
    /// Inside a read transaction: the stored anchor and the data version, when the record set needs
    /// verifying (not verified yet, or another connection wrote since); null when the cache is current
    /// or the vault has no anchor yet.
    /// </summary>
    internal (RecordSetState Stored, long DataVersion)? RecordSetToVerify()
    {
        long dataVersion = Database.ReadDataVersion();
        if (_verified is not null && dataVersion == _verifiedDataVersion)
        {
            return null;
        }

        return ReadAnchor() is { } stored ? (stored, dataVersion) : null;
    }

    /// <summary>Compares a recomputed digest with the anchor read in the same snapshot and caches the verified state.</summary>
    /// <exception cref="MSecureException">VaultTampered.</exception>
    internal void Accept(RecordSetState stored, ReadOnlySpan<byte> actual, long dataVersion)
    {
        if (!stored.Matches(actual))
        {
            throw MSecureErrors.VaultTampered(Database.Path, "the records do not match the record-set digest");
        }

        _verified = stored;
        _verifiedDataVersion = dataVersion;
        _highestRevision = stored.Revision;
    }

    /// <summary>
    /// Runs a record write: <paramref name="work"/> toggles each row state it replaces out of the
    /// digest and each new one in; the anchor is then re-sealed at the next vault revision in the
    /// same transaction. A vault without an anchor gets one computed from its rows as they are.
    /// </summary>
    internal T WriteRecords<T>(Func<RecordSetChange, T> work)
    {
        RecordSetState? committed = null;
        bool keepVerified = false;
        T result = Write(() =>
        {
            long dataVersion = Database.ReadDataVersion();
            RecordSetState? stored = ReadAnchor();
            keepVerified = stored is not null && _verified is not null && dataVersion == _verifiedDataVersion
                && stored.Revision == _verified.Revision && stored.Matches(_verified.Digest);
            RecordSetState start = stored ?? new RecordSetState(0, ComputeDigest());
            using var change = new RecordSetChange(Codec.Cipher.Keys, VaultId, start.Digest);
            T value = work(change);
            committed = new RecordSetState(start.Revision + 1, change.Digest.ToArray());
            MetaStore.UpdateRecordSetAnchor(Database, committed.Seal(Codec.Cipher.Keys, VaultId));
            return value;
        });

        // Own commits do not change this connection's data_version: the cache stays valid.
        _verified = keepVerified ? committed : null;
        _highestRevision = Math.Max(_highestRevision, committed!.Revision);
        return result;
    }

    /// <summary>The record-set digest of the rows as stored now (one scan of id, revision, deleted).</summary>
    internal byte[] ComputeDigest() => ComputeDigest(Codec.Cipher.Keys);

    /// <summary>The record-set digest of the rows as stored now under <paramref name="keys"/>.</summary>
    internal byte[] ComputeDigest(Cryptography.AccountKeys keys)
    {
        // Two batched AES-ECB calls per chunk: hashing 100,000 rows takes a few milliseconds,
        // so the scan itself is the cost and one thread suffices.
        byte[] digest = new byte[RecordSetHasher.DigestLength];
        using var hasher = new RecordSetHasher(keys, VaultId);
        RecordStore.ScanStates(Database, RecordSetHasher.ChunkRows, rows => hasher.ToggleMany(digest, rows));
        return digest;
    }

    /// <summary>
    /// The stored anchor, opened; null when there is none yet. An anchor whose vault revision is
    /// below one this session already saw was rolled back: VaultTampered.
    /// </summary>
    internal RecordSetState? ReadAnchor()
    {
        if (MetaStore.ReadRecordSetAnchor(Database) is not { } sealedAnchor)
        {
            return _highestRevision > 0
                ? throw MSecureErrors.VaultTampered(Database.Path, "its record-set anchor was removed")
                : null;
        }

        RecordSetState stored = RecordSetState.Open(Codec.Cipher.Keys, VaultId, sealedAnchor, Database.Path);
        if (stored.Revision < _highestRevision)
        {
            throw MSecureErrors.VaultTampered(Database.Path, "its record-set anchor is older than one this session already saw");
        }

        return stored;
    }

    /// <summary>Wipes the keys and closes the connection.</summary>
    public void Dispose()
    {
        Codec.Dispose();
        Database.Dispose();
    }

    private void EnsureCurrentKeys()
    {
        if (MetaStore.ReadKeyEpoch(Database) != KeyEpoch)
        {
            throw MSecureErrors.VaultKeysRotated();
        }
    }
}
