using System;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>
/// A vault as Get-MSecureVault shows it: where it is, whose it is, how many records it holds and
/// whether this session has it unlocked. Nothing secret.
/// </summary>
public sealed class MSecureVaultInfo
{
    internal MSecureVaultInfo(string name, string path, string email, int recordCount, Guid vaultId, Guid accountId, DateTimeOffset createdAt, string kdfParameters, int schemaVersion, DateTimeOffset? lockExpiresAt, bool isDefault, Uri? server = null)
    {
        Name = name;
        Path = path;
        Email = email;
        RecordCount = recordCount;
        VaultId = vaultId;
        AccountId = accountId;
        CreatedAt = createdAt;
        KdfParameters = kdfParameters;
        SchemaVersion = schemaVersion;
        LockExpiresAt = lockExpiresAt;
        IsDefault = isDefault;
        Server = server;
    }

    /// <summary>The vault's name: its file name without the extension.</summary>
    public string Name { get; }

    /// <summary>The vault file's full path.</summary>
    public string Path { get; }

    /// <summary>The account's email address.</summary>
    public string Email { get; }

    /// <summary>The number of live records.</summary>
    public int RecordCount { get; }

    /// <summary>The vault's id.</summary>
    public Guid VaultId { get; }

    /// <summary>The account's id.</summary>
    public Guid AccountId { get; }

    /// <summary>When the vault was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The password hashing cost, for example "Argon2id m=65536 KiB t=3 p=4".</summary>
    public string KdfParameters { get; }

    /// <summary>The file's schema version.</summary>
    public int SchemaVersion { get; }

    /// <summary>Whether this session holds the vault unlocked.</summary>
    public bool IsUnlocked => LockExpiresAt is not null;

    /// <summary>When the vault locks itself unless used before; null when locked.</summary>
    public DateTimeOffset? LockExpiresAt { get; }

    /// <summary>Whether commands that name no vault use this one (MSECURE_DEFAULT_VAULT, Set-MSecureDefaultVault, else the vault named default).</summary>
    public bool IsDefault { get; }

    /// <summary>The account server this vault is connected to on this device (Register-MSecureAccount, Connect-MSecureAccount), or null.</summary>
    public Uri? Server { get; }

    /// <summary>The name and path, control characters neutralised.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1})", Formatting.TerminalText.Of(Name), Formatting.TerminalText.Of(Path));
}
