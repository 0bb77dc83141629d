using System;
using System.Collections.Generic;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>
/// What Import-MSecureRecord did, or with -WhatIf would do: counts, templates, custom field labels,
/// duplicates, renames, problems and remarks with their locations in the file. Never a value.
/// </summary>
public sealed class MSecureImportReport
{
    internal MSecureImportReport(string path, string format, string vaultPath, bool whatIf, MSecureImportCounts counts,
        IReadOnlyDictionary<string, int> templates, IReadOnlyDictionary<string, int> customFields, IReadOnlyList<MSecureImportDuplicate> duplicates,
        IReadOnlyList<MSecureImportRename> renames, IReadOnlyList<string> problems, IReadOnlyList<string> remarks, TimeSpan duration)
    {
        Path = path;
        Format = format;
        VaultPath = vaultPath;
        WhatIf = whatIf;
        Entries = counts.Entries;
        Added = counts.Added;
        Merged = counts.Merged;
        Skipped = counts.Skipped;
        Renamed = counts.Renamed;
        Failed = counts.Failed;
        Templates = templates;
        CustomFields = customFields;
        Duplicates = duplicates;
        Renames = renames;
        Problems = problems;
        Remarks = remarks;
        Duration = duration;
    }

    /// <summary>The imported file's full path.</summary>
    public string Path { get; }

    /// <summary>The file's format (the one recognised, with -Format Auto).</summary>
    public string Format { get; }

    /// <summary>The vault file's full path.</summary>
    public string VaultPath { get; }

    /// <summary>True for a -WhatIf dry run: nothing was written.</summary>
    public bool WhatIf { get; }

    /// <summary>Entries read from the file, readable or not.</summary>
    public int Entries { get; }

    /// <summary>Records added (renamed and kept ones included).</summary>
    public int Added { get; }

    /// <summary>Records that got a new revision from a duplicate (-OnDuplicate Merge).</summary>
    public int Merged { get; }

    /// <summary>Duplicates not stored (skipped, or merged with nothing new).</summary>
    public int Skipped { get; }

    /// <summary>Entries stored under another name.</summary>
    public int Renamed { get; }

    /// <summary>Entries that could not be read or stored; any means nothing was imported.</summary>
    public int Failed { get; }

    /// <summary>Readable entries per MSecure template they map onto.</summary>
    public IReadOnlyDictionary<string, int> Templates { get; }

    /// <summary>Labels that became custom fields, with how many entries had each.</summary>
    public IReadOnlyDictionary<string, int> CustomFields { get; }

    /// <summary>Entries that duplicate a record, and what was done with each.</summary>
    public IReadOnlyList<MSecureImportDuplicate> Duplicates { get; }

    /// <summary>Entries stored under another name.</summary>
    public IReadOnlyList<MSecureImportRename> Renames { get; }

    /// <summary>"location: reason" of each entry that could not be read or stored (never a value).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>"location: remark" of what else the reader noted (attachments skipped, unknown templates).</summary>
    public IReadOnlyList<string> Remarks { get; }

    /// <summary>How long the import took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The counts in one line.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}{1} entries: {2} added, {3} merged, {4} skipped, {5} renamed, {6} failed",
        WhatIf ? "What if: " : string.Empty, Entries, Added, Merged, Skipped, Renamed, Failed);
}

/// <summary>The counts of an import report.</summary>
internal readonly record struct MSecureImportCounts(int Entries, int Added, int Merged, int Skipped, int Renamed, int Failed);
