using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using CsvHelper;

namespace MSecure.Core.Transfer.Formats;

/// <summary>One CSV record and the physical line it starts on (1-based).</summary>
/// <param name="Line">The record's first line.</param>
/// <param name="Cells">The record's cells, unquoted.</param>
internal readonly record struct CsvRecord(long Line, string[] Cells)
{
    /// <summary>The cell at <paramref name="index"/>, or empty when the row is shorter.</summary>
    internal string this[int index] => index < Cells.Length ? Cells[index] : string.Empty;

    /// <summary>Whether the row is blank (one empty cell: an empty line).</summary>
    internal bool IsBlank => Cells.Length == 0 || (Cells.Length == 1 && Cells[0].Length == 0);

    /// <summary>Line only: the cells may hold secrets.</summary>
    public override string ToString() => "CsvRecord (line " + Line.ToString(CultureInfo.InvariantCulture) + ")";
}

/// <summary>Streams the records of a comma-separated file with CsvHelper's reader (RFC 4180 quoting, line breaks inside quotes, UTF-8 with or without a byte-order mark).</summary>
internal static class CsvRows
{
    /// <summary>The largest record read (bytes): larger ones are a broken file (an unclosed quote), not a record.</summary>
    internal const int MaximumRecordBytes = 16 * 1024 * 1024;

    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = false,
        Mode = CsvMode.Rfc4180,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        IncludeValuesInExceptions = false,
        MaxRecordSize = MaximumRecordBytes,
    };

    /// <summary>Every non-empty record of <paramref name="input"/> (read from its position, left open) with its first line number.</summary>
    internal static IEnumerable<CsvRecord> Read(Stream input, CancellationToken cancellationToken)
    {
        using CsvReader reader = CsvReader.Create(input, Options, leaveOpen: true);
        while (ReadRecord(reader, input))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cells = new string[reader.FieldCount];
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            yield return new CsvRecord(reader.LineNumber, cells);
        }
    }

    private static bool ReadRecord(CsvReader reader, Stream input)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException exception)
        {
            // The message may quote the record: only the line goes on.
            throw ImportInput.Invalid(input, "its CSV structure is broken (a record longer than 16 MiB: an unclosed quote?) near line " + exception.LineNumber.ToString(CultureInfo.InvariantCulture) + ".", new InvalidDataException(nameof(CsvFormatException)));
        }
    }
}
