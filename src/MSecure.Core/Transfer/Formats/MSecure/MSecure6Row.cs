using System;
using System.Globalization;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.MSecure;

/// <summary>One mSecure 6 row: <c>Title|recordId,Template,Tags,Note,Label|typeId|Value,…</c>.</summary>
internal static class MSecure6Row
{
    /// <summary>What separates several tags in the Tags cell.</summary>
    internal const char TagSeparator = ';';

    /// <summary>The entry of <paramref name="row"/>.</summary>
    internal static ImportItem Read(CsvRecord row)
    {
        string location = ImportInput.Line(row.Line);
        string templateName = row[1].Trim();
        RecordTemplate? known = MSecureTemplates.Find(templateName);
        RecordTemplate template = known ?? GuessTemplate(row);
        var builder = new ImportDraftBuilder(TitleOf(row[0]), template);
        if (known is null)
        {
            builder.Remark(string.Format(CultureInfo.InvariantCulture,
                "template '{0}' is not one of MSecure's: imported as {1}, its fields kept as custom fields",
                templateName.Length == 0 ? "(none)" : Records.DisplayText.Neutralize(templateName), template));
        }

        foreach (string tag in row[2].Split(TagSeparator))
        {
            builder.AddTag(tag);
        }

        builder.Notes = UnescapeNotes(row[3]);
        for (int i = 4; i < row.Cells.Length; i++)
        {
            string cell = row.Cells[i];
            if (cell.Length == 0)
            {
                continue;
            }

            SplitField(cell, out string label, out int typeId, out string value);
            if (label.Length == 0)
            {
                label = MSecureFieldTypes.DefaultLabel(typeId);
            }

            builder.AddField(label, value, MSecureFieldTypes.KindOf(typeId, label));
        }

        return builder.Build(location, templateName);
    }

    /// <summary>Whether a cell after the fourth has the <c>Label|typeId|</c> form.</summary>
    internal static bool HasTypedField(CsvRecord row)
    {
        for (int i = 4; i < row.Cells.Length; i++)
        {
            if (TryTyped(row.Cells[i], out _, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the title cell ends in <c>|recordId</c>.</summary>
    internal static bool HasRecordId(CsvRecord row) => RecordIdStart(row[0]) >= 0;

    /// <summary>The title: the first cell without its <c>|recordId</c> (digits) suffix; a title may itself hold '|'.</summary>
    internal static string TitleOf(string cell)
    {
        int bar = RecordIdStart(cell);
        return (bar >= 0 ? cell[..bar] : cell).Trim();
    }

    /// <summary>
    /// Splits a field cell on its first two '|' only (a value may hold '|'). A cell without the
    /// <c>Label|typeId|</c> form is read as <c>Label|Value</c> (one '|') or as a bare value.
    /// </summary>
    internal static void SplitField(string cell, out string label, out int typeId, out string value)
    {
        if (TryTyped(cell, out label, out typeId, out value))
        {
            return;
        }

        typeId = MSecureFieldTypes.Text;
        int bar = cell.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            label = string.Empty;
            value = cell;
            return;
        }

        label = cell[..bar].Trim();
        value = cell[(bar + 1)..];
    }

    /// <summary>mSecure writes a note's line breaks as the two characters '\' 'n'.</summary>
    internal static string UnescapeNotes(string notes) =>
        notes.Contains('\\', StringComparison.Ordinal) ? notes.Replace("\\n", "\n", StringComparison.Ordinal) : notes;

    private static bool TryTyped(string cell, out string label, out int typeId, out string value)
    {
        label = value = string.Empty;
        typeId = 0;
        int first = cell.IndexOf('|', StringComparison.Ordinal);
        if (first < 0)
        {
            return false;
        }

        int second = cell.IndexOf('|', first + 1);
        if (second < 0)
        {
            return false;
        }

        ReadOnlySpan<char> type = cell.AsSpan(first + 1, second - first - 1);
        if (type.Length == 0 || type.Length > 4 || !int.TryParse(type, NumberStyles.None, CultureInfo.InvariantCulture, out typeId))
        {
            return false;
        }

        label = cell[..first].Trim();
        value = cell[(second + 1)..];
        return true;
    }

    private static int RecordIdStart(string cell)
    {
        int bar = cell.LastIndexOf('|');
        if (bar < 0 || bar == cell.Length - 1)
        {
            return bar;
        }

        for (int i = bar + 1; i < cell.Length; i++)
        {
            if (!char.IsAsciiDigit(cell[i]))
            {
                return -1;
            }
        }

        return bar;
    }

    /// <summary>An unknown template: Login when a field holds a user name or password, else a secure note.</summary>
    private static RecordTemplate GuessTemplate(CsvRecord row)
    {
        for (int i = 4; i < row.Cells.Length; i++)
        {
            SplitField(row.Cells[i], out string label, out int typeId, out string value);
            if (value.Length == 0)
            {
                continue;
            }

            string key = LabelKey.Of(label);
            if (typeId is MSecureFieldTypes.UserName or MSecureFieldTypes.Password || key is "username" or "password")
            {
                return RecordTemplate.Login;
            }
        }

        return RecordTemplate.SecureNote;
    }
}
