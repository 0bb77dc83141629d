using System;
using System.Collections.Generic;

namespace MSecure.Core.Records;

/// <summary>
/// The editable content of a record, passed to Add and Update. Nothing is checked until the
/// vault stores it; then an invalid draft fails with InvalidRecord.
/// </summary>
public sealed class RecordDraft
{
    /// <summary>Creates an empty Login draft; set <see cref="Name"/> before storing it.</summary>
    public RecordDraft()
    {
    }

    /// <summary>
    /// The record's name: 1 to 256 characters, not only white space, unique in the vault
    /// ignoring case. Not trimmed.
    /// </summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The record's template.</summary>
    public RecordTemplate Template { get; set; }

    /// <summary>The fields: the template's and any custom ones, labels unique ignoring case.</summary>
    public List<RecordField> Fields { get; } = [];

    /// <summary>Tags; compared ignoring case, duplicates dropped when stored.</summary>
    public List<string> Tags { get; } = [];

    /// <summary>Free text notes.</summary>
    public string Notes { get; set; } = string.Empty;

    /// <summary>Whether the record is a favorite.</summary>
    public bool IsFavorite { get; set; }

    /// <summary>A draft named <paramref name="name"/> with the template's fields, all empty.</summary>
    public static RecordDraft FromTemplate(string name, RecordTemplate template)
    {
        var draft = new RecordDraft { Name = name, Template = template };
        IReadOnlyList<FieldDefinition> definitions = RecordTemplates.FieldsOf(template);
        draft.Fields.Capacity = definitions.Count + 2;
        foreach (FieldDefinition definition in definitions)
        {
            draft.Fields.Add(new RecordField(definition.Label, definition.Kind, string.Empty));
        }

        return draft;
    }

    /// <summary>A copy of <paramref name="record"/>'s content, for editing and passing to Update.</summary>
    public static RecordDraft From(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var draft = new RecordDraft
        {
            Name = record.Name,
            Template = record.Template,
            Notes = record.Notes,
            IsFavorite = record.IsFavorite,
        };
        draft.Fields.AddRange(record.Fields);
        draft.Tags.AddRange(record.Tags);
        return draft;
    }

    /// <summary>
    /// Sets the field labelled <paramref name="label"/> (ignoring case) to <paramref name="value"/>,
    /// adding it when missing. The kind, when not given, is the existing field's, else the
    /// template's field of that label, else <see cref="FieldKind.Text"/>.
    /// </summary>
    public void SetField(string label, string value, FieldKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(value);
        int index = Fields.FindIndex(field => string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            RecordField existing = Fields[index];
            Fields[index] = new RecordField(existing.Label, kind ?? existing.Kind, value);
            return;
        }

        Fields.Add(new RecordField(label, kind ?? RecordTemplates.KindOf(Template, label) ?? FieldKind.Text, value));
    }

    /// <summary>Removes the field labelled <paramref name="label"/> (ignoring case); returns whether it existed.</summary>
    public bool RemoveField(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return Fields.RemoveAll(field => string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase)) > 0;
    }
}
