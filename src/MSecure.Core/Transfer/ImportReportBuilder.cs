using System;
using System.Collections.Generic;
using System.Diagnostics;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer;

/// <summary>Collects an import's report while it runs. Holds counts, and lists only of the entries worth naming (problems, duplicates, renames, remarks).</summary>
internal sealed class ImportReportBuilder
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<RecordTemplate, int> _templates = [];
    private readonly Dictionary<string, int> _customFields = new(StringComparer.OrdinalIgnoreCase);

    internal ImportReportBuilder(string source, ImportFormat? format, bool dryRun)
    {
        Source = source;
        Format = format;
        DryRun = dryRun;
    }

    internal string Source { get; }

    internal ImportFormat? Format { get; }

    internal bool DryRun { get; }

    internal int Entries { get; private set; }

    internal int Added { get; private set; }

    internal int Merged { get; private set; }

    internal IReadOnlyDictionary<RecordTemplate, int> Templates => _templates;

    internal IReadOnlyDictionary<string, int> CustomFields => _customFields;

    internal List<ImportDuplicate> Duplicates { get; } = [];

    internal List<ImportRename> Renames { get; } = [];

    internal List<string> Problems { get; } = [];

    internal List<string> Remarks { get; } = [];

    internal TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Counts one entry as read: its template, custom fields and remarks, or its problem.</summary>
    internal void Read(ImportItem item)
    {
        Entries++;
        foreach (string remark in item.Remarks)
        {
            Remarks.Add(item.Location + ": " + remark);
        }

        if (item.Draft is not { } draft)
        {
            Problem(item.Location, string.IsNullOrEmpty(item.Problem) ? "the entry cannot be read" : item.Problem);
            return;
        }

        _templates[draft.Template] = _templates.GetValueOrDefault(draft.Template) + 1;
        foreach (string label in item.CustomFields)
        {
            _customFields[label] = _customFields.GetValueOrDefault(label) + 1;
        }
    }

    internal void Problem(string location, string reason) => Problems.Add(location + ": " + reason);

    internal void AddedOne() => Added++;

    internal void MergedOne() => Merged++;

    internal ImportReport Build() => new(this);
}
