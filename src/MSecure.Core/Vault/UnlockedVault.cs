using System;
using MSecure.Core.Errors;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// What an unlocked session works with: its own database connection, the record codec (keys)
/// and the key epoch they belong to. Every operation runs in one transaction that first checks
/// the epoch, so a session whose keys another process rotated stops instead of writing
/// envelopes nobody can open. Holds the session's view of the sealed <see cref="VaultState"/>:
/// what it verified last, and the highest revision it has seen (a state below it was rolled back).
/// </summary>
internal sealed class UnlockedVault : IDisposable
{
    /// <summary>How long locking waits for other connections before it leaves the write-ahead log to them.</summary>
    private static readonly TimeSpan CheckpointPatience = TimeSpan.FromMilliseconds(250);

    /// <summary>The state this session last verified (or wrote on top of a verified one); null when none.</summary>
    private VaultState? _verified;

    /// <summary>The connection's data_version when <see cref="_verified"/> was verified.</summary>
    private long _verifiedDataVersion;

    /// <summary>The highest vault revision this session has seen: a state below it was rolled back.</summary>
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

    /// <summary>The vault file's full path.</summary>
    internal string Path => Database.Path;

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

    /// <summary>Switches to the keys of a rotation that just committed at <paramref name="revision"/>; wipes the old ones.</summary>
    internal void ReplaceKeys(RecordCodec codec, long keyEpoch, long revision)
    {
        RecordCodec old = Codec;
        Codec = codec;
        KeyEpoch = keyEpoch;
        old.Dispose();

        // The next read verifies the re-sealed state by a scan under the new keys.
        _verified = null;
        Committed(revision);
    }

    /// <summary>
    /// Inside a read or write transaction: unless this session already verified the vault state and
    /// no other connection committed since (PRAGMA data_version), checks the metadata against the
    /// sealed state and scans every row's (id, revision, deleted, name index) to recompute the
    /// record-set digest. No envelope is decrypted.
    /// </summary>
    /// <exception cref="MSecureException">VaultTampered.</exception>
    internal void EnsureVerified(bool force = false)
    {
        if (StateToVerify(force) is { } toVerify)
        {
            Accept(toVerify.Stored, ComputeDigest(), toVerify.DataVersion);
        }
    }

    /// <summary>
    /// Inside a read transaction: when the vault state needs verifying (never verified, another
    /// connection wrote since, or <paramref name="force"/>), the stored state, already checked
    /// against the metadata, with the data version to remember; null when the cached verification holds.
    /// </summary>
    /// <exception cref="MSecureException">VaultTampered.</exception>
    internal (VaultState Stored, long DataVersion)? StateToVerify(bool force = false)
    {
        long dataVersion = Database.ReadDataVersion();
        if (!force && _verified is not null && dataVersion == _verifiedDataVersion)
        {
            return null;
        }

        VaultState stored = ReadState();
        EnsureMetadataMatches(stored);
        return (stored, dataVersion);
    }

    /// <summary>Compares a recomputed digest with the state read in the same snapshot and caches the verified state.</summary>
    /// <exception cref="MSecureException">VaultTampered.</exception>
    internal void Accept(VaultState stored, ReadOnlySpan<byte> digest, long dataVersion)
    {
        if (!stored.Matches(digest))
        {
            throw MSecureErrors.VaultTampered(Path, "the records do not match the vault's record-set digest");
        }

        _verified = stored;
        _verifiedDataVersion = dataVersion;
        Saw(stored.Revision);
    }

    /// <summary>Inside a transaction: VaultTampered unless the metadata row is the one <paramref name="state"/> was sealed with.</summary>
    internal void EnsureMetadataMatches(VaultState state)
    {
        if (!state.MatchesMetadata(MetadataHash.Of(MetaStore.Read(Database))))
        {
            throw MSecureErrors.VaultTampered(Path, "its metadata (email, KDF parameters, wrapped key, verifier or ids) does not match the vault state");
        }
    }

    /// <summary>
    /// Runs a record write: <paramref name="work"/> toggles each row state it replaces out of the
    /// digest and each new one in; the state is then re-sealed at the next vault revision in the
    /// same transaction, and the revision witness advanced after the commit.
    /// </summary>
    internal T WriteRecords<T>(Func<RecordSetChange, T> work)
    {
        VaultState? committed = null;
        bool keepVerified = false;
        T result = Write(() =>
        {
            long dataVersion = Database.ReadDataVersion();
            VaultState stored = ReadState();
            keepVerified = _verified is not null && dataVersion == _verifiedDataVersion && stored.Revision == _verified.Revision;
            using var change = new RecordSetChange(Codec.Cipher.Keys, VaultId, stored.RecordDigest, trackWritten: AccessKeyStore.Any(Database));
            T value = work(change);
            Access.AccessGrantWriter.Refresh(this, change.WrittenRecords);
            committed = stored with { Revision = stored.Revision + 1, RecordDigest = change.Digest.ToArray() };
            MetaStore.UpdateState(Database, committed.Seal(Codec.Cipher.Keys, VaultId));
            return value;
        });

        // Own commits do not change this connection's data_version: the cache stays valid.
        _verified = keepVerified ? committed : null;
        Committed(committed!.Revision);
        return result;
    }

    /// <summary>
    /// Runs a metadata write (the password change): after <paramref name="work"/> changed the
    /// metadata row, the state is re-sealed with its new hash at the next vault revision.
    /// </summary>
    internal T WriteMetadata<T>(Func<T> work)
    {
        long revision = 0;
        T result = Write(() =>
        {
            VaultState stored = ReadState();
            T value = work();
            revision = SealState(stored with { Revision = stored.Revision + 1 });
            return value;
        });

        _verified = null;
        Committed(revision);
        return result;
    }

    /// <summary>Inside a write transaction: seals <paramref name="state"/> with the hash of the metadata as it is now; returns its revision.</summary>
    internal long SealState(VaultState state)
    {
        VaultState sealedState = state with { MetadataHash = MetadataHash.Of(MetaStore.Read(Database)) };
        MetaStore.UpdateState(Database, sealedState.Seal(Codec.Cipher.Keys, VaultId));
        return sealedState.Revision;
    }

    /// <summary>The record-set digest of the rows as stored now (one scan of id, revision, deleted, name index).</summary>
    internal byte[] ComputeDigest() => ComputeDigest(Codec.Cipher.Keys, legacy: false);

    /// <summary>The record-set digest of the rows as stored now under <paramref name="keys"/> (legacy: the schema-2 entries).</summary>
    internal byte[] ComputeDigest(Cryptography.AccountKeys keys, bool legacy)
    {
        // A few batched AES-ECB calls per chunk: hashing 100,000 rows takes a few milliseconds,
        // so the scan itself is the cost and one thread suffices.
        byte[] digest = new byte[RecordSetHasher.DigestLength];
        using var hasher = new RecordSetHasher(keys, VaultId, legacy);
        RecordStore.ScanStates(Database, RecordSetHasher.ChunkRows, rows => hasher.ToggleMany(digest, rows));
        return digest;
    }

    /// <summary>
    /// Inside a transaction: the sealed state, opened. A vault whose state is not sealed was
    /// tampered with (sessions start only after <see cref="VaultAttestation"/> sealed it); a state
    /// below a revision this session already saw was rolled back.
    /// </summary>
    /// <exception cref="MSecureException">VaultTampered.</exception>
    internal VaultState ReadState()
    {
        (byte[]? sealedState, _) = MetaStore.ReadState(Database);
        if (sealedState is null)
        {
            throw MSecureErrors.VaultTampered(Path, "its sealed vault state was removed");
        }

        VaultState stored = VaultState.Open(Codec.Cipher.Keys, VaultId, sealedState, Path);
        if (stored.Revision < _highestRevision)
        {
            throw MSecureErrors.VaultTampered(Path, "its vault state is older than one this session already saw");
        }

        return stored;
    }

    /// <summary>Remembers that the vault was at <paramref name="revision"/>: a state below it was rolled back.</summary>
    internal void Saw(long revision) => _highestRevision = Math.Max(_highestRevision, revision);

    /// <summary>After a commit at <paramref name="revision"/>: remembers it and advances the revision witness.</summary>
    internal void Committed(long revision)
    {
        Saw(revision);
        RevisionWitness.Record(Path, Codec.Cipher.Keys, VaultId, KeyEpoch, revision);
    }

    /// <summary>
    /// Locks: folds the write-ahead log back into the vault file and truncates it when no other
    /// connection needs it (a log left behind is what a damaged byte could silently roll back),
    /// then wipes the keys and closes the connection.
    /// </summary>
    public void Dispose()
    {
        Database.TryCheckpoint(CheckpointPatience);
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
