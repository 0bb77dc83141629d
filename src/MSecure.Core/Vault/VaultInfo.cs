using System;
using System.Diagnostics;
using System.Globalization;
using MSecure.Core.Accounts;
using MSecure.Core.Cryptography;

namespace MSecure.Core.Vault;

/// <summary>What can be known about a vault without unlocking it. Nothing here is secret.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class VaultInfo
{
    internal VaultInfo(string path, Guid vaultId, Guid accountId, string email, DateTimeOffset createdAt,
        KdfParameters kdfParameters, int schemaVersion, int recordCount, ServerBinding? server)
    {
        Server = server;
        Path = path;
        Name = VaultLocations.NameOf(path);
        VaultId = vaultId;
        AccountId = accountId;
        Email = email;
        CreatedAt = createdAt;
        KdfParameters = kdfParameters;
        SchemaVersion = schemaVersion;
        RecordCount = recordCount;
    }

    /// <summary>The file name without extension.</summary>
    public string Name { get; }

    /// <summary>The vault file's full path.</summary>
    public string Path { get; }

    /// <summary>The vault's id.</summary>
    public Guid VaultId { get; }

    /// <summary>The account's id.</summary>
    public Guid AccountId { get; }

    /// <summary>The account's email address.</summary>
    public string Email { get; }

    /// <summary>When the vault was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The cost of deriving the unlock key from the password.</summary>
    public KdfParameters KdfParameters { get; }

    /// <summary>The file's schema version.</summary>
    public int SchemaVersion { get; }

    /// <summary>The number of live (not removed) records.</summary>
    public int RecordCount { get; }

    /// <summary>The account server this vault is connected to on this device, or null.</summary>
    public ServerBinding? Server { get; }

    /// <summary>Name, path and record count.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "Vault '{0}' ({1}, {2} records)", Name, Path, RecordCount);
}
