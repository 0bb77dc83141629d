using MSecure.Core.Vault;

namespace MSecure.VaultTestWorker;

/// <summary>Opening a vault the way a fresh process (a new PowerShell window, a pipeline step) does.</summary>
internal static class WorkerVault
{
    internal static VaultSession Unlock(string path, string password)
    {
        using VaultFile file = VaultFile.Open(path);
        return file.Unlock(password);
    }
}
