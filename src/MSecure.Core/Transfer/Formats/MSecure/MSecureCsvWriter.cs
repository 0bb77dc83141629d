using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CsvHelper;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.MSecure;

/// <summary>
/// Writes mSecure 6's CSV (ARCHITECTURE 19.2): the marker line, then per record
/// <c>Title|recordId,Template,Tags,Note,Label|typeId|Value,…,</c> (a trailing comma, as mSecure writes).
/// What mSecure and <see cref="MSecureCsvFormat"/> read back.
/// </summary>
internal sealed class MSecureCsvWriter : IRecordExportWriter
{
    /// <summary>The first line mSecure 6 needs to import a file.</summary>
    internal const string Marker = "mSecure6 CSV export file";

    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ',',
        NewLine = "\n",
        ValidateFieldCount = false,
        Injection = CsvInjection.None,
    };

    private readonly CsvWriter _csv;
    private readonly List<string> _cells = new(32);

    /// <summary>Starts the file on <paramref name="output"/> (left open).</summary>
    internal MSecureCsvWriter(Stream output)
    {
        _csv = CsvWriter.Create(output, Options, leaveOpen: true);
        _csv.WriteRecord(Marker);
    }

    /// <inheritdoc />
    public void Write(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _cells.Clear();
        _cells.Add(record.Name + "|" + RecordNumber(record.Id).ToString(CultureInfo.InvariantCulture));
        _cells.Add(MSecureTemplates.NameOf(record.Template));
        _cells.Add(string.Join(MSecure6Row.TagSeparator, TagsOf(record)));
        _cells.Add(EscapeNotes(record.Notes));
        foreach (RecordField field in record.Fields)
        {
            string label = field.Label.Replace('|', '¦');
            _cells.Add(string.Create(CultureInfo.InvariantCulture, $"{label}|{MSecureFieldTypes.TypeIdOf(record.Template, field)}|{field.Value}"));
        }

        _cells.Add(string.Empty);
        _csv.WriteRecord(_cells.ToArray());
    }

    /// <inheritdoc />
    public void Complete() => _csv.Flush();

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();

    /// <summary>mSecure's record ids are numbers: a stable one made from the record's id.</summary>
    internal static uint RecordNumber(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        _ = id.TryWriteBytes(bytes);
        return BitConverter.ToUInt32(bytes) % 1_000_000_000u;
    }

    /// <summary>A note's line breaks as the two characters '\' 'n', as mSecure writes them.</summary>
    internal static string EscapeNotes(string notes) =>
        notes.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\n", "\\n", StringComparison.Ordinal);

    private static IEnumerable<string> TagsOf(Record record)
    {
        foreach (string tag in record.Tags)
        {
            yield return tag.Replace(MSecure6Row.TagSeparator, ',');
        }
    }
}
