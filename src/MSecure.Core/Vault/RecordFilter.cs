using System;
using System.Collections.Generic;
using MSecure.Core.Records;
using MSecure.Core.Records.Serialization;

namespace MSecure.Core.Vault;

/// <summary>The criteria of a <see cref="RecordQuery"/>, ready to test decrypted documents.</summary>
internal sealed class RecordFilter
{
    private readonly WildcardMatcher? _name;
    private readonly RecordTemplate? _template;
    private readonly string? _tag;
    private readonly string? _text;
    private readonly bool? _favorite;

    /// <summary>Parses the query (a bad wildcard pattern fails here, before anything is read).</summary>
    internal RecordFilter(RecordQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _name = string.IsNullOrEmpty(query.NamePattern) ? null : WildcardMatcher.Parse(query.NamePattern);
        _template = query.Template;
        _tag = string.IsNullOrEmpty(query.Tag) ? null : query.Tag;
        _text = string.IsNullOrEmpty(query.Text) ? null : query.Text;
        _favorite = query.IsFavorite;
    }

    /// <summary>Whether the query has a name pattern.</summary>
    internal bool HasNamePattern => _name is not null;

    /// <summary>Whether <paramref name="name"/> matches the name pattern (true when there is none).</summary>
    internal bool MatchesName(string name) => _name is null || _name.IsMatch(name);

    /// <summary>Whether the summary criteria (all but text) hold.</summary>
    internal bool Matches(string name, RecordTemplate template, List<string>? tags, bool favorite) =>
        (_template is not { } t || t == template)
        && (_favorite is not { } f || f == favorite)
        && (_tag is null || Contains(tags, _tag))
        && (_name is null || _name.IsMatch(name));

    /// <summary>Whether every criterion holds for a full record.</summary>
    internal bool Matches(RecordDocument document) =>
        Matches(document.Name!, document.Template, document.Tags, document.Favorite) && MatchesText(document);

    private bool MatchesText(RecordDocument document)
    {
        if (_text is null)
        {
            return true;
        }

        if (Has(document.Name) || Has(document.Notes))
        {
            return true;
        }

        foreach (string tag in document.Tags ?? [])
        {
            if (Has(tag))
            {
                return true;
            }
        }

        foreach (FieldDocument field in document.Fields ?? [])
        {
            if (!FieldKinds.IsSecret(field.Kind) && Has(field.Value))
            {
                return true;
            }
        }

        return false;
    }

    private bool Has(string? value) => value is not null && value.Contains(_text!, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(List<string>? tags, string tag)
    {
        if (tags is null)
        {
            return false;
        }

        foreach (string candidate in tags)
        {
            if (string.Equals(candidate, tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
