namespace MSecure.PowerShell.Vaults;

/// <summary>
/// The aliases of every cmdlet's -Vault parameter, so it binds by property name to what the
/// pipeline carries: VaultPath (records from Get-MSecureRecord, vaults from Get-MSecureVault)
/// and FullName (files from Get-ChildItem *.msecure). There is no Name alias: on the record
/// cmdlets -Name is the record's name, and a file's Name is not its path.
/// </summary>
internal static class VaultParameterNames
{
    /// <summary>The VaultPath alias.</summary>
    internal const string VaultPathAlias = "VaultPath";

    /// <summary>The FullName alias.</summary>
    internal const string FullNameAlias = "FullName";
}
