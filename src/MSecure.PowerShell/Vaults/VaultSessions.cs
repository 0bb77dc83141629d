using System.Runtime.CompilerServices;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;

namespace MSecure.PowerShell.Vaults;

/// <summary>
/// The unlocked vaults of this process, by full path, each locking itself after its idle
/// timeout (15 minutes unless Unlock-MSecureVault -Timeout says otherwise), and all of them when
/// the module is removed or the process exits. Shared by every runspace of the process, like the
/// module's assembly.
/// </summary>
internal static class VaultSessions
{
    private static readonly SessionCache<VaultSession> s_cache = Create();

    /// <summary>The cache.</summary>
    internal static SessionCache<VaultSession> Cache => s_cache;

    /// <summary>Locks every vault if any was ever unlocked; never loads MSecure.Core otherwise.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void LockAllIfUsed()
    {
        if (VaultSessionsState.Created)
        {
            LockAll();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LockAll() => s_cache.LockAll();

    private static SessionCache<VaultSession> Create()
    {
        VaultSessionsState.Created = true;

        // Exiting pwsh locks every vault too: locking folds each write-ahead log back into its
        // vault file, so no log is left for a damaged byte to roll back (see docs/ARCHITECTURE.md).
        System.AppDomain.CurrentDomain.ProcessExit += static (_, _) => LockAll();
        return new SessionCache<VaultSession>();
    }
}

/// <summary>Whether <see cref="VaultSessions"/> exists, readable without loading MSecure.Core.</summary>
internal static class VaultSessionsState
{
    private static volatile bool s_created;

    /// <summary>Set when the cache is created.</summary>
    internal static bool Created
    {
        get => s_created;
        set => s_created = value;
    }
}
