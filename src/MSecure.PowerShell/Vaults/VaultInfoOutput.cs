using System.Globalization;
using MSecure.Core.Cryptography;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Models;

namespace MSecure.PowerShell.Vaults;

/// <summary>Builds the <see cref="MSecureVaultInfo"/> the cmdlets write.</summary>
internal static class VaultInfoOutput
{
    /// <summary>What is known about the vault, with its unlock state in this session and whether it is the default vault (at <paramref name="defaultPath"/>).</summary>
    internal static MSecureVaultInfo From(VaultInfo info, string? defaultPath)
    {
        SessionCacheEntry? entry = VaultSessions.Cache.GetEntry(info.Path);
        KdfParameters kdf = info.KdfParameters;
        string kdfText = string.Format(CultureInfo.InvariantCulture, "Argon2id m={0} KiB t={1} p={2}", kdf.MemoryKiB, kdf.Passes, kdf.Lanes);
        return new MSecureVaultInfo(info.Name, info.Path, info.Email, info.RecordCount, info.VaultId, info.AccountId, info.CreatedAt, kdfText, info.SchemaVersion, entry?.ExpiresAt,
            isDefault: defaultPath is not null && VaultPathComparer.Instance.Equals(VaultPathComparer.Normalize(info.Path), VaultPathComparer.Normalize(defaultPath)),
            info.Server?.Server);
    }

    /// <summary>Opens the vault file (no password needed) and describes it.</summary>
    internal static MSecureVaultInfo Read(string path, string? defaultPath)
    {
        using VaultFile file = VaultFile.Open(path);
        return From(file.Info, defaultPath);
    }
}
