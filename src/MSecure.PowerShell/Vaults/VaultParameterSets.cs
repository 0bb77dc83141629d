namespace MSecure.PowerShell.Vaults;

/// <summary>Parameter set names shared by the vault cmdlets.</summary>
internal static class VaultParameterSets
{
    /// <summary>One vault, by -Vault (or the default vault).</summary>
    internal const string Vault = "Vault";

    /// <summary>Every vault (-All).</summary>
    internal const string All = "All";
}
