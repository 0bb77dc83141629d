using System;
using System.Collections.Generic;

namespace MSecure.Core.Backup;

/// <summary>
/// What a restore did (or, for a dry run, would do). Names of records appear (as in any listing),
/// never a field value.
/// </summary>
public sealed class BackupRestoreResult
{
    internal BackupRestoreResult(BackupSealMode mode, Guid sourceVaultId, DateTimeOffset createdAt, bool dryRun)
    {
        Mode = mode;
        SourceVaultId = sourceVaultId;
        CreatedAt = createdAt;
        DryRun = dryRun;
    }

    /// <summary>How the backup was sealed.</summary>
    public BackupSealMode Mode { get; }

    /// <summary>The vault the backup was taken of.</summary>
    public Guid SourceVaultId { get; }

    /// <summary>When the backup was taken.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Whether nothing was written (a dry run: -WhatIf).</summary>
    public bool DryRun { get; }

    /// <summary>Records in the backup.</summary>
    public long Records { get; internal set; }

    /// <summary>Revisions in the backup.</summary>
    public long Revisions { get; internal set; }

    /// <summary>Records the vault did not have, added with their history.</summary>
    public int Added { get; internal set; }

    /// <summary>Records the vault had at an older revision of the same chain: the backup's newer revisions appended.</summary>
    public int Updated { get; internal set; }

    /// <summary>Records changed both in the vault and after the backup's common revision: merged, the later one current, the other in history.</summary>
    public int Merged { get; internal set; }

    /// <summary>Records removed from the vault since the backup: brought back (the removal stays in history).</summary>
    public int Restored { get; internal set; }

    /// <summary>Records the vault already holds at the backup's revision or later.</summary>
    public int Unchanged { get; internal set; }

    /// <summary>Records of another id that duplicate a vault record (same name, user name and URL): skipped.</summary>
    public IReadOnlyList<string> SkippedDuplicates => _skipped;

    /// <summary>Records restored under a new name because another record holds theirs ("old -> new").</summary>
    public IReadOnlyList<string> Renamed => _renamed;

    private readonly List<string> _skipped = [];
    private readonly List<string> _renamed = [];

    internal void Skipped(string name) => _skipped.Add(name);

    internal void Rename(string from, string to) => _renamed.Add(from + " -> " + to);
}
