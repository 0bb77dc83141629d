using System;
using System.Collections.Generic;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>
/// What Test-MSecureVault found in one vault: counts of what it checked and one line per problem.
/// Nothing secret: problems name record ids and files, never a name or a value.
/// </summary>
public sealed class MSecureVaultCheck
{
    internal MSecureVaultCheck(string name, string path, bool isSound, long revision, int liveRecords, int removedRecords, int historyEntries,
        IReadOnlyList<string> problems, TimeSpan duration)
    {
        Name = name;
        Path = path;
        IsSound = isSound;
        Revision = revision;
        LiveRecords = liveRecords;
        RemovedRecords = removedRecords;
        HistoryEntries = historyEntries;
        Problems = problems;
        Duration = duration;
    }

    /// <summary>The vault's name.</summary>
    public string Name { get; }

    /// <summary>The vault file's full path.</summary>
    public string Path { get; }

    /// <summary>Whether no problem was found.</summary>
    public bool IsSound { get; }

    /// <summary>The vault revision of its sealed state (one more per write).</summary>
    public long Revision { get; }

    /// <summary>Live records checked.</summary>
    public int LiveRecords { get; }

    /// <summary>Removed records (tombstones) checked.</summary>
    public int RemovedRecords { get; }

    /// <summary>Earlier versions (history entries) checked.</summary>
    public int HistoryEntries { get; }

    /// <summary>One line per problem; empty when the vault is sound.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>How long the check took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The vault's name and verdict.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1}", Name,
        IsSound ? "sound" : Problems.Count.ToString(CultureInfo.InvariantCulture) + " problem(s)");
}
