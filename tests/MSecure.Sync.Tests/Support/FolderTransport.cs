using MSecure.Core.Cryptography;
using MSecure.Core.Sync;
using MSecure.Core.Vault;

namespace MSecure.Sync.Tests.Support;

/// <summary>Devices syncing through the account's shared folder, with no server at all.</summary>
internal sealed class FolderTransport : ISyncTransport
{
    public string Name => "folder";

    /// <summary>Creates the vault, then syncs once so that it writes the folder's account file (what enrollment reads).</summary>
    public VaultCreation CreateFirst(string path, string email, string deviceName, string sharedFolder)
    {
        VaultCreation creation = VaultFile.Create(path, email, SyncAccount.Password, KdfParameters.Minimum);
        creation.Session.SyncFolder(sharedFolder);
        return creation;
    }

    public VaultCreation Enroll(string path, string email, string kitText, string deviceName, string sharedFolder) =>
        FolderEnrollment.Enroll(path, sharedFolder, kitText, SyncAccount.Password, email);

    public SyncResult Sync(VaultSession session, string sharedFolder) => session.SyncFolder(sharedFolder);

    public override string ToString() => Name;
}
