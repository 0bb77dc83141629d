using System.Collections.Generic;
using System.Globalization;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.MSecure;

/// <summary>One row of the older layout: <c>Group,Type,Description,Note,fields…</c> (fields by position, see <see cref="MSecureLegacyLayouts"/>).</summary>
internal static class MSecureLegacyRow
{
    /// <summary>The group mSecure gives an entry of none; not a tag.</summary>
    private const string NoGroup = "Unassigned";

    /// <summary>The entry of <paramref name="row"/>.</summary>
    internal static ImportItem Read(CsvRecord row)
    {
        string typeName = row[1].Trim();
        bool known = MSecureLegacyLayouts.TryFind(typeName, out RecordTemplate template, out IReadOnlyList<LegacyColumn> columns);
        var builder = new ImportDraftBuilder(row[2], template);
        if (!known)
        {
            builder.Remark(string.Format(CultureInfo.InvariantCulture,
                "type '{0}' is not one of mSecure's: imported as {1}, its fields kept as custom fields",
                typeName.Length == 0 ? "(none)" : DisplayText.Neutralize(typeName), template));
        }

        string group = row[0].Trim();
        if (!string.Equals(group, NoGroup, System.StringComparison.OrdinalIgnoreCase))
        {
            builder.AddTag(group);
        }

        // mSecure 3/5 wrote a note's line breaks as "\n" (Windows) or a vertical tab (Mac).
        builder.Notes = MSecure6Row.UnescapeNotes(row[3]).Replace('\v', '\n');
        for (int i = 4; i < row.Cells.Length; i++)
        {
            string value = row.Cells[i];
            int column = i - 4;
            if (column < columns.Count)
            {
                builder.AddField(columns[column].Label, value, columns[column].Kind);
            }
            else if (value.Length > 0)
            {
                builder.AddCustomField("Field " + (column + 1).ToString(CultureInfo.InvariantCulture), FieldKind.Text, value);
            }
        }

        return builder.Build(ImportInput.Line(row.Line), typeName);
    }
}
