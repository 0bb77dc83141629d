using System;
using System.Collections.Generic;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>
/// What Import-MSecureBackup did, or with -WhatIf would do: counts, and the names of records
/// skipped as duplicates or renamed. Never a field value.
/// </summary>
public sealed class MSecureBackupRestore
{
    internal MSecureBackupRestore(string path, string vault, string sealedWith, DateTimeOffset createdAt, bool whatIf)
    {
        Path = path;
        Vault = vault;
        SealedWith = sealedWith;
        CreatedAt = createdAt;
        WhatIf = whatIf;
    }

    /// <summary>The backup file's full path.</summary>
    public string Path { get; }

    /// <summary>The name of the vault restored into.</summary>
    public string Vault { get; }

    /// <summary>Password or AccountKey.</summary>
    public string SealedWith { get; }

    /// <summary>When the backup was taken.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Whether this is a -WhatIf report (nothing was written).</summary>
    public bool WhatIf { get; }

    /// <summary>Records in the backup.</summary>
    public long Records { get; init; }

    /// <summary>Revisions in the backup.</summary>
    public long Revisions { get; init; }

    /// <summary>Records the vault did not have: added with their history.</summary>
    public int Added { get; init; }

    /// <summary>Records the vault had at an older revision: the newer revisions appended.</summary>
    public int Updated { get; init; }

    /// <summary>Records changed on both sides: merged, the later version current, the other in history.</summary>
    public int Merged { get; init; }

    /// <summary>Records removed from the vault since the backup: brought back.</summary>
    public int Restored { get; init; }

    /// <summary>Records the vault already holds as they are in the backup, or newer.</summary>
    public int Unchanged { get; init; }

    /// <summary>Names of backup records skipped because another vault record has the same name, user name and URL.</summary>
    public IReadOnlyList<string> SkippedDuplicates { get; init; } = [];

    /// <summary>Records restored under a new name ("old -> new") because another record holds theirs.</summary>
    public IReadOnlyList<string> Renamed { get; init; } = [];

    /// <summary>The counts in one line.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0}: {1} added, {2} updated, {3} merged, {4} restored, {5} unchanged, {6} skipped{7}",
        Vault, Added, Updated, Merged, Restored, Unchanged, SkippedDuplicates.Count, WhatIf ? " (what if)" : string.Empty);
}
