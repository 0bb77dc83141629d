using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CsvHelper;

namespace MSecure.Core.Transfer.Formats;

/// <summary>
/// The CsvHelper settings every header-row CSV import uses: comma separated (never sniffed: a
/// value full of '|' must not make '|' the separator), RFC 4180 quoting with line breaks inside
/// quotes, line numbers tracked for problems, values kept out of CsvHelper's own messages, and a
/// record with broken quoting skipped and reported by its line rather than read wrongly.
/// </summary>
internal static class ImportCsv
{
    /// <summary>A reader over <paramref name="input"/> (left open); broken records are added to <paramref name="malformed"/>.</summary>
    internal static CsvReader Open(Stream input, Queue<long> malformed) =>
        CsvReader.Create(input, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            TrackLineNumbers = true,
            IncludeValuesInExceptions = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformed.Enqueue(record.LineNumber),
        }, leaveOpen: true);

    /// <summary>"line N": where an entry starts.</summary>
    internal static string Line(long line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");

    /// <summary>The index of each header, matched ignoring case and surrounding spaces (first column wins).</summary>
    internal static Dictionary<string, int> HeaderIndex(IReadOnlyList<string> headers)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < headers.Count; i++)
        {
            index.TryAdd(headers[i].Trim(), i);
        }

        return index;
    }

    /// <summary>The first line of <paramref name="headText"/>'s CSV, split into trimmed column names (quotes removed); empty when it has none.</summary>
    internal static IReadOnlyList<string> FirstRow(string headText)
    {
        int end = headText.IndexOfAny(['\r', '\n']);
        string line = end < 0 ? headText : headText[..end];
        var columns = new List<string>();
        foreach (string column in line.Split(','))
        {
            columns.Add(column.Trim().Trim('"').Trim());
        }

        return columns;
    }

    /// <summary>The field <paramref name="index"/> of the current record, or empty when the record is shorter or the column is absent (-1).</summary>
    internal static string Field(CsvReader reader, int index) =>
        index >= 0 && index < reader.FieldCount ? reader.GetString(index) ?? string.Empty : string.Empty;

    /// <summary>ImportFileInvalid for a CSV file that cannot be read (the reason names no value).</summary>
    internal static Errors.MSecureException Invalid(Stream input, string reason, Exception? inner = null) =>
        Errors.MSecureErrors.ImportFileInvalid(ImportInputs.NameOf(input), reason, inner);
}
