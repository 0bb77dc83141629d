using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Records;
using MSecure.Core.Transfer;
using MSecure.PowerShell.Models;

namespace MSecure.PowerShell.Imports;

/// <summary>Turns the engine's import report into Import-MSecureRecord's output.</summary>
internal static class ImportOutput
{
    internal static MSecureImportReport From(ImportReport report, string vaultPath)
    {
        var templates = new SortedDictionary<string, int>(System.StringComparer.Ordinal);
        foreach ((RecordTemplate template, int count) in report.Templates)
        {
            templates[template.ToString()] = count;
        }

        return new MSecureImportReport(report.Source, report.Format?.ToString() ?? string.Empty, vaultPath, report.DryRun,
            new MSecureImportCounts(report.Entries, report.Added, report.Merged, report.Skipped, report.Renamed, report.Failed),
            templates,
            new SortedDictionary<string, int>(report.CustomFields.ToDictionary(pair => pair.Key, pair => pair.Value), System.StringComparer.OrdinalIgnoreCase),
            // Arrays: PowerShell indexes them ($report.Duplicates[0]); a collection expression's read-only wrapper it does not.
            report.Duplicates.Select(d => new MSecureImportDuplicate(d.Location, d.Name, d.ExistingName, d.InFile, d.Action.ToString(), d.StoredAs)).ToArray(),
            report.Renames.Select(r => new MSecureImportRename(r.Location, r.From, r.To)).ToArray(),
            report.Problems.ToArray(), report.Remarks.ToArray(), report.Duration);
    }
}
