using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;

namespace MSecure.Core.Records;

/// <summary>
/// A decrypted record as stored at one revision. Immutable; edit a copy made with
/// <see cref="RecordDraft.From"/>. Its text form never shows a field value.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class Record
{
    internal Record(Guid id, long revision, RecordContent content, DateTimeOffset createdAt, DateTimeOffset modifiedAt)
    {
        Id = id;
        Revision = revision;
        Name = content.Name;
        Template = content.Template;
        Fields = content.Fields;
        Tags = content.Tags;
        Notes = content.Notes;
        IsFavorite = content.IsFavorite;
        CreatedAt = createdAt;
        ModifiedAt = modifiedAt;
    }

    /// <summary>The record's id, fixed for its life.</summary>
    public Guid Id { get; }

    /// <summary>The record's name.</summary>
    public string Name { get; }

    /// <summary>The record's template.</summary>
    public RecordTemplate Template { get; }

    /// <summary>The record's fields in order.</summary>
    public IReadOnlyList<RecordField> Fields { get; }

    /// <summary>The record's tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The record's notes.</summary>
    public string Notes { get; }

    /// <summary>Whether the record is a favorite.</summary>
    public bool IsFavorite { get; }

    /// <summary>When the record was first added.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When this revision was written.</summary>
    public DateTimeOffset ModifiedAt { get; }

    /// <summary>The revision: 1 when added, one more for every change.</summary>
    public long Revision { get; }

    /// <summary>The field labelled <paramref name="label"/>, ignoring case, or null.</summary>
    public RecordField? GetField(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        foreach (RecordField field in Fields)
        {
            if (string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase))
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>Name (control characters neutralised, see <see cref="DisplayText"/>), template, id and revision; never a field value.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "Record '{0}' ({1}, id {2}, revision {3})", DisplayText.Neutralize(Name), Template, Id, Revision);
}
