using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;

namespace MSecure.Core.Records;

/// <summary>
/// What a search returns for each record: the content of its small summary envelope (name,
/// template, tags, favorite, modification time) plus id and revision. No field value.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class RecordSummary
{
    internal RecordSummary(Guid id, long revision, string name, RecordTemplate template, IReadOnlyList<string> tags, bool isFavorite, DateTimeOffset modifiedAt)
    {
        Id = id;
        Revision = revision;
        Name = name;
        Template = template;
        Tags = tags;
        IsFavorite = isFavorite;
        ModifiedAt = modifiedAt;
    }

    /// <summary>The record's id.</summary>
    public Guid Id { get; }

    /// <summary>The record's name.</summary>
    public string Name { get; }

    /// <summary>The record's template.</summary>
    public RecordTemplate Template { get; }

    /// <summary>The record's tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Whether the record is a favorite.</summary>
    public bool IsFavorite { get; }

    /// <summary>When the current revision was written.</summary>
    public DateTimeOffset ModifiedAt { get; }

    /// <summary>The current revision.</summary>
    public long Revision { get; }

    /// <summary>Name, template, id and revision.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "RecordSummary '{0}' ({1}, id {2}, revision {3})", DisplayText.Neutralize(Name), Template, Id, Revision);
}
