using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>What a locked or unlocked vault shows from its metadata: info and the emergency kit.</summary>
internal static class VaultMetadataViews
{
    /// <summary>Reads the vault's info in one read transaction.</summary>
    internal static VaultInfo ReadInfo(VaultDatabase database) => database.Read(() =>
    {
        VaultMetadata metadata = MetaStore.Read(database);
        return new VaultInfo(database.Path, metadata.VaultId, metadata.AccountId, metadata.Email, metadata.CreatedAt,
            metadata.KdfParameters, database.ReadSchemaVersion(), RecordStore.CountLive(database), metadata.Server);
    });

    /// <summary>The emergency kit of the stored wrapped key (callers check it against the sealed state first).</summary>
    internal static EmergencyKit ReadKit(VaultDatabase database)
    {
        VaultMetadata metadata = database.Read(() => MetaStore.Read(database));
        return new EmergencyKit(ReadWrappedKey(database, metadata));
    }

    /// <summary>The stored wrapped key; VaultCorrupted when its salt or envelope has the wrong length.</summary>
    internal static Cryptography.WrappedAccountKey ReadWrappedKey(VaultDatabase database, VaultMetadata metadata)
    {
        try
        {
            return metadata.ToWrappedAccountKey();
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.InvalidArgument)
        {
            throw MSecureErrors.VaultCorrupted(database.Path, "its wrapped Account Key is malformed.", exception);
        }
    }
}
