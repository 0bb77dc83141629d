using System;
using System.Collections.Generic;

namespace MSecure.Core.Transfer.Formats;

/// <summary>A CSV header row: the columns by name, for readers that find their columns by name rather than position.</summary>
internal static class CsvHeader
{
    /// <summary>The index of each column name, matched ignoring case and surrounding spaces (the first column of a name wins).</summary>
    internal static Dictionary<string, int> IndexOf(CsvRecord header)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Cells.Length; i++)
        {
            index.TryAdd(header.Cells[i].Trim(), i);
        }

        return index;
    }

    /// <summary>The column names of the first line of <paramref name="headText"/> (quotes and spaces removed), for recognising a file.</summary>
    internal static IReadOnlyList<string> FirstLine(string headText)
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
}
