namespace MSecure.PowerShell.Vaults;

/// <summary>The vault a command works on: its full path, and whether -Vault named it or it is the default vault.</summary>
/// <param name="Path">The vault file's full path.</param>
/// <param name="Source">Named when -Vault gave it; otherwise where the default vault came from.</param>
internal readonly record struct VaultReference(string Path, DefaultVaultSource Source)
{
    /// <summary>Whether the command named no vault, so this is the default vault.</summary>
    internal bool IsDefault => Source != DefaultVaultSource.Named;
}
