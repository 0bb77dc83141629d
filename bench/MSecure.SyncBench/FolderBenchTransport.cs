using System.IO;
using MSecure.Core.Cryptography;
using MSecure.Core.Sync;
using MSecure.Core.Vault;

namespace MSecure.SyncBench;

/// <summary>Devices syncing through a shared folder on the local disk (one folder per account, beside its vaults).</summary>
internal sealed class FolderBenchTransport : IBenchTransport
{
    public string Name => "folder";

    public VaultCreation CreateFirst(string path, string email)
    {
        VaultCreation creation = VaultFile.Create(path, email, BenchVaults.Password, KdfParameters.Minimum);
        creation.Session.SyncFolder(SharedFolder(path));
        return creation;
    }

    public VaultCreation Enroll(string path, string email, string kitText) =>
        FolderEnrollment.Enroll(path, SharedFolder(path), kitText, BenchVaults.Password, email);

    public SyncResult Sync(VaultSession session) => session.SyncFolder(SharedFolder(session.Info.Path));

    /// <summary>The account's folder: "shared" beside the account's vaults.</summary>
    private static string SharedFolder(string vaultPath) => Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(vaultPath))!, "shared")).FullName;
}
