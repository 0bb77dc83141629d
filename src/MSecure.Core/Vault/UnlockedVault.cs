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
    internal void ReplaceKeys(RecordCodec codec, long keyEpoch)
    {
        RecordCodec old = Codec;
        Codec = codec;
        KeyEpoch = keyEpoch;
        old.Dispose();
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
