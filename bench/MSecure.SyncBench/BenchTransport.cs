using MSecure.Core.Sync;
using MSecure.Core.Vault;

namespace MSecure.SyncBench;

/// <summary>How the benchmark's devices reach each other.</summary>
internal interface IBenchTransport
{
    /// <summary>The operation prefix in the printed lines: "server" (SQLite), "server-postgres", "folder".</summary>
    string Name { get; }

    /// <summary>The account's first vault, connected.</summary>
    VaultCreation CreateFirst(string path, string email);

    /// <summary>Another device, enrolled from the kit (its enrollment pulls what there is).</summary>
    VaultCreation Enroll(string path, string email, string kitText);

    SyncResult Sync(VaultSession session);
}
