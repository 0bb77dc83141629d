using System;
using System.Collections.Generic;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer;

/// <summary>
/// One entry read from an import file: a draft to store, or the reason it could not be read.
/// Nothing here ever holds a value of the source in a message: <see cref="Problem"/> and
/// <see cref="Remarks"/> name columns, labels and line numbers only.
/// </summary>
public sealed class ImportItem
{
    private ImportItem(string location, RecordDraft? draft, string? problem, string sourceKind,
        IReadOnlyList<string> customFields, IReadOnlyList<string> remarks)
    {
        Location = location;
        Draft = draft;
        Problem = problem;
        SourceKind = sourceKind;
        CustomFields = customFields;
        Remarks = remarks;
    }

    /// <summary>Where in the file: "line 12" for text formats (the entry's first physical line, 1-based), "item 3" for JSON, "entry 5" for XML and 1PUX.</summary>
    public string Location { get; }

    /// <summary>The record to store; null when the entry could not be read (then <see cref="Problem"/> says why).</summary>
    public RecordDraft? Draft { get; }

    /// <summary>Why the entry could not be read; never a value from the file.</summary>
    public string? Problem { get; }

    /// <summary>The source's own type or template name ("Web Logins", "login", "001"), for the report.</summary>
    public string SourceKind { get; }

    /// <summary>The labels of fields that did not map onto a template field and became custom fields.</summary>
    public IReadOnlyList<string> CustomFields { get; }

    /// <summary>Anything else worth reporting: an attachment skipped (by file name), an unknown template mapped to custom fields, a value shortened.</summary>
    public IReadOnlyList<string> Remarks { get; }

    /// <summary>An entry read into <paramref name="draft"/>.</summary>
    public static ImportItem Read(string location, RecordDraft draft, string sourceKind,
        IReadOnlyList<string>? customFields = null, IReadOnlyList<string>? remarks = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new ImportItem(location, draft, null, sourceKind, customFields ?? [], remarks ?? []);
    }

    /// <summary>An entry that could not be read, with the reason (never a value).</summary>
    public static ImportItem Failed(string location, string problem, string sourceKind = "") =>
        new(location, null, problem, sourceKind, [], []);

    /// <summary>Location and source kind only.</summary>
    public override string ToString() => $"{Location} ({SourceKind})";
}
