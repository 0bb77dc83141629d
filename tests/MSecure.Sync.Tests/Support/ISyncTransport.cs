using MSecure.Core.Sync;
using MSecure.Core.Vault;

namespace MSecure.Sync.Tests.Support;

/// <summary>
/// How the devices of a test account reach each other: the account server or a shared folder.
/// Each method gets the account's own shared folder (<see cref="SyncAccount.SharedFolder"/>; the server ignores it).
/// </summary>
internal interface ISyncTransport
{
    /// <summary>"server" or "folder", for messages.</summary>
    string Name { get; }

    /// <summary>Creates the account's first vault at <paramref name="path"/> and connects it (registers it, or nothing for a folder).</summary>
    VaultCreation CreateFirst(string path, string email, string deviceName, string sharedFolder);

    /// <summary>Enrolls another device of the account from its kit (the enrollment ends with a full pull).</summary>
    VaultCreation Enroll(string path, string email, string kitText, string deviceName, string sharedFolder);

    /// <summary>Syncs one device.</summary>
    SyncResult Sync(VaultSession session, string sharedFolder);
}
