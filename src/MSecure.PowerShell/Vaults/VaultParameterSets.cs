namespace MSecure.PowerShell.Vaults;

/// <summary>Parameter set names shared by the vault cmdlets.</summary>
internal static class VaultParameterSets
{
    /// <summary>The vault by name (-Name).</summary>
    internal const string Name = "Name";

    /// <summary>The vault by file path (-Path).</summary>
    internal const string Path = "Path";

    /// <summary>Every vault (-All).</summary>
    internal const string All = "All";
}
