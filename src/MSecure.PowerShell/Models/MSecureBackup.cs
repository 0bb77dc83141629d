using System;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>A backup Export-MSecureBackup wrote: where, how it is sealed, and counts. Nothing secret.</summary>
public sealed class MSecureBackup
{
    internal MSecureBackup(string path, string vault, string sealedWith, long records, long revisions, long length, DateTimeOffset createdAt)
    {
        Path = path;
        Vault = vault;
        SealedWith = sealedWith;
        Records = records;
        Revisions = revisions;
        Length = length;
        CreatedAt = createdAt;
    }

    /// <summary>The backup file's full path.</summary>
    public string Path { get; }

    /// <summary>The name of the vault backed up.</summary>
    public string Vault { get; }

    /// <summary>Password (a backup password of its own) or AccountKey (the vault's Account Key: its emergency kit restores it).</summary>
    public string SealedWith { get; }

    /// <summary>Live records in the backup.</summary>
    public long Records { get; }

    /// <summary>Revisions in the backup (current versions and their history).</summary>
    public long Revisions { get; }

    /// <summary>The file's size in bytes.</summary>
    public long Length { get; }

    /// <summary>When the backup was written.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The file and its record count.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1} records)", Path, Records);
}
