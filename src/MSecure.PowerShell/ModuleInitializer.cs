using System.Management.Automation;
using MSecure.PowerShell.Loading;

namespace MSecure.PowerShell;

/// <summary>
/// Runs when the module is imported and removed: routes the module's dependencies to their
/// private load context (see <see cref="DependencyResolver"/>), and locks every vault on removal.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    /// <summary>Registers the dependency resolver.</summary>
    public void OnImport() => DependencyResolver.Module.Register();

    /// <summary>Locks every vault this process unlocked, then unregisters the dependency resolver.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        try
        {
            Vaults.VaultSessions.LockAllIfUsed();
        }
        finally
        {
            DependencyResolver.Module.Unregister();
        }
    }
}
