using System;
using System.Collections.Generic;
using System.Globalization;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer;

/// <summary>
/// What an import did, or with <see cref="ImportOptions.DryRun"/> would do: counts, names, labels,
/// locations and reasons, never a value from the file.
/// </summary>
public sealed class ImportReport
{
    internal ImportReport(ImportReportBuilder builder)
    {
        Source = builder.Source;
        Format = builder.Format;
        DryRun = builder.DryRun;
        Entries = builder.Entries;
        Added = builder.Added;
        Merged = builder.Merged;
        Failed = builder.Problems.Count;
        Templates = builder.Templates;
        CustomFields = builder.CustomFields;
        Duplicates = builder.Duplicates;
        Renames = builder.Renames;
        Problems = builder.Problems;
        Remarks = builder.Remarks;
        Duration = builder.Elapsed;
    }

    /// <summary>The file imported (or what the caller named the entries' source).</summary>
    public string Source { get; }

    /// <summary>The file's format; null when the caller passed entries, not a file.</summary>
    public ImportFormat? Format { get; }

    /// <summary>Whether nothing was written (<see cref="ImportOptions.DryRun"/>).</summary>
    public bool DryRun { get; }

    /// <summary>Entries read from the file, readable or not.</summary>
    public int Entries { get; }

    /// <summary>Records added (renamed and kept ones included).</summary>
    public int Added { get; }

    /// <summary>Records that got a new revision from a duplicate (<see cref="ImportDuplicatePolicy.Merge"/>).</summary>
    public int Merged { get; }

    /// <summary>Duplicates not stored (skipped, or merged without a change).</summary>
    public int Skipped => Duplicates.Count - Merged - CountOf(ImportDuplicateAction.Kept);

    /// <summary>Entries stored under another name.</summary>
    public int Renamed => Renames.Count;

    /// <summary>Entries that could not be read or stored (<see cref="Problems"/>); any of them means nothing was written.</summary>
    public int Failed { get; }

    /// <summary>Readable entries per template they map onto.</summary>
    public IReadOnlyDictionary<RecordTemplate, int> Templates { get; }

    /// <summary>Labels that became custom fields, with how many entries had each (labels compared ignoring case).</summary>
    public IReadOnlyDictionary<string, int> CustomFields { get; }

    /// <summary>Entries that duplicate a record, in file order.</summary>
    public IReadOnlyList<ImportDuplicate> Duplicates { get; }

    /// <summary>Entries stored under another name, in file order.</summary>
    public IReadOnlyList<ImportRename> Renames { get; }

    /// <summary>"location: reason" of every entry that could not be read or stored; never a value.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>"location: remark" of what else the readers noted (attachments skipped, unknown templates).</summary>
    public IReadOnlyList<string> Remarks { get; }

    /// <summary>How long the import took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The counts in one line.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0}{1} entries: {2} added, {3} merged, {4} skipped, {5} renamed, {6} failed",
        DryRun ? "(dry run) " : string.Empty, Entries, Added, Merged, Skipped, Renamed, Failed);

    private int CountOf(ImportDuplicateAction action)
    {
        int count = 0;
        foreach (ImportDuplicate duplicate in Duplicates)
        {
            if (duplicate.Action == action)
            {
                count++;
            }
        }

        return count;
    }
}
