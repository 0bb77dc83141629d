using MSecure.Sync.Tests.Support;

namespace MSecure.Core.Tests.Vault;

/// <summary>
/// The verb the sync tests start: <c>sync &lt;vault&gt; [&lt;folder&gt;]</c>; the worker prints "syncing",
/// one "progress …" line per progress report and "synced …" at the end, each flushed.
/// </summary>
internal sealed partial class VaultWorkerProcess
{
    /// <summary>Syncs <paramref name="vaultPath"/> with its server, or through <paramref name="folder"/> when given.</summary>
    public static VaultWorkerProcess StartSync(string vaultPath, string? folder) =>
        StartWorker(folder is null ? ["sync", vaultPath] : ["sync", vaultPath, folder], SyncAccount.Password, globalizationInvariant: false, holdWhenDone: false);
}
