using System;
using System.Collections.Generic;
using System.Globalization;
using MSecure.Core.Errors;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats;

/// <summary>
/// Builds one <see cref="ImportItem"/> by the shared mapping rules, whatever the source format:
/// template fields filled by label, everything else a custom field (labels unique ignoring case:
/// a second "Phone" becomes "Phone (2)"), one-time password seeds in the Login's OneTimePassword
/// field (a custom OneTimePasswordSeed field elsewhere), folders as tags, attachments as remarks,
/// an empty title as "Untitled", values beyond <see cref="RecordLimits"/> as a problem (never cut).
/// Problems and remarks name labels only, never a value.
/// </summary>
internal sealed class ImportEntryBuilder
{
    /// <summary>The name of an entry without a title.</summary>
    internal const string UntitledName = "Untitled";

    /// <summary>The label of a one-time password seed (the Login template's field).</summary>
    internal const string OneTimePasswordLabel = "OneTimePassword";

    private readonly RecordDraft _draft;
    private readonly HashSet<string> _labels = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _templateLabels = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _customFields = [];
    private readonly List<string> _remarks = [];
    private readonly List<string> _problems = [];
    private string? _notes;

    /// <summary>An entry of <paramref name="template"/>, reported as <paramref name="sourceKind"/>.</summary>
    internal ImportEntryBuilder(RecordTemplate template, string sourceKind)
    {
        SourceKind = sourceKind;
        _draft = RecordDraft.FromTemplate(string.Empty, template);
        foreach (RecordField field in _draft.Fields)
        {
            _labels.Add(field.Label);
            _templateLabels.Add(field.Label);
        }
    }

    /// <summary>The source's own type name, for the report.</summary>
    internal string SourceKind { get; }

    /// <summary>The template the entry maps onto.</summary>
    internal RecordTemplate Template => _draft.Template;

    /// <summary>The entry's title; empty or white space becomes <see cref="UntitledName"/>.</summary>
    internal string Name { get; set; } = string.Empty;

    /// <summary>Whether the entry is a favorite.</summary>
    internal bool IsFavorite
    {
        get => _draft.IsFavorite;
        set => _draft.IsFavorite = value;
    }

    /// <summary>Adds notes; a second call appends after a blank line (several source notes fields, nothing lost).</summary>
    internal void AddNotes(string? notes)
    {
        if (string.IsNullOrEmpty(notes))
        {
            return;
        }

        _notes = _notes is null ? notes : _notes + Environment.NewLine + Environment.NewLine + notes;
    }

    /// <summary>Adds a tag (a folder, group path or source tag); blank ones are ignored, repeats kept once.</summary>
    internal void AddTag(string? tag)
    {
        string? trimmed = tag?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return;
        }

        foreach (string existing in _draft.Tags)
        {
            if (string.Equals(existing, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        _draft.Tags.Add(trimmed);
    }

    /// <summary>
    /// Puts <paramref name="value"/> in the template field <paramref name="label"/>; when the
    /// template has no such field or it is already filled, the value becomes a custom field of
    /// <paramref name="customKind"/> (default: the template field's kind, else Text). Empty values are ignored.
    /// </summary>
    internal void Set(string label, string? value, FieldKind? customKind = null)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        FieldKind? templateKind = _templateLabels.Contains(label) ? KindOfTemplateField(label) : null;
        if (templateKind is { } kind && IsTemplateFieldEmpty(label))
        {
            _draft.SetField(label, value, kind);
            return;
        }

        AddCustom(label, value, customKind ?? templateKind ?? FieldKind.Text);
    }

    /// <summary>Whether the template field <paramref name="label"/> exists and is still empty.</summary>
    internal bool IsTemplateFieldEmpty(string label)
    {
        if (!_templateLabels.Contains(label))
        {
            return false;
        }

        foreach (RecordField field in _draft.Fields)
        {
            if (string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase))
            {
                return field.Value.Length == 0;
            }
        }

        return false;
    }

    /// <summary>Adds a custom field (its label made unique: "Phone (2)"); empty values are ignored.</summary>
    internal void AddCustom(string label, string? value, FieldKind kind)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        string baseLabel = string.IsNullOrWhiteSpace(label) ? "Field" : DisplayText.Neutralize(label.Trim())!;
        string unique = baseLabel;
        for (int n = 2; !_labels.Add(unique); n++)
        {
            unique = string.Create(CultureInfo.InvariantCulture, $"{baseLabel} ({n})");
        }

        _draft.Fields.Add(new RecordField(unique, kind, value));
        _customFields.Add(unique);
    }

    /// <summary>A one-time password seed (otpauth:// URI or Base32): the Login's OneTimePassword field, else a custom seed field.</summary>
    internal void SetOneTimePassword(string? seed)
    {
        string? trimmed = seed?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return;
        }

        if (IsTemplateFieldEmpty(OneTimePasswordLabel))
        {
            _draft.SetField(OneTimePasswordLabel, trimmed, FieldKind.OneTimePasswordSeed);
        }
        else
        {
            AddCustom(OneTimePasswordLabel, trimmed, FieldKind.OneTimePasswordSeed);
        }
    }

    /// <summary>An attachment, never imported: reported by its file name.</summary>
    internal void SkipAttachment(string? fileName) =>
        _remarks.Add(string.Create(CultureInfo.InvariantCulture, $"attachment '{DisplayText.Neutralize(string.IsNullOrWhiteSpace(fileName) ? "(unnamed)" : fileName)}' skipped"));

    /// <summary>Anything else worth reporting (never a value).</summary>
    internal void Remark(string remark) => _remarks.Add(remark);

    /// <summary>Marks the entry unreadable (the reason never holds a value).</summary>
    internal void Fail(string problem) => _problems.Add(problem);

    /// <summary>The item at <paramref name="location"/>: read, or failed with every limit it breaks.</summary>
    internal ImportItem Build(string location)
    {
        string name = string.IsNullOrWhiteSpace(Name) ? UntitledName : DisplayText.Neutralize(Name)!;
        CheckLength(name.Length, RecordLimits.MaximumNameLength, "the title");
        _draft.Name = name;
        _draft.Notes = _notes ?? string.Empty;
        CheckLength(_draft.Notes.Length, RecordLimits.MaximumNotesLength, "the notes");
        if (_draft.Fields.Count > RecordLimits.MaximumFields)
        {
            _problems.Add(Format("it has {0} fields; at most {1} are allowed", _draft.Fields.Count, RecordLimits.MaximumFields));
        }

        foreach (RecordField field in _draft.Fields)
        {
            CheckLength(field.Label.Length, RecordLimits.MaximumLabelLength, Format("the label of field '{0}…'", field.Label[..Math.Min(field.Label.Length, 32)]));
            CheckLength(field.Value.Length, RecordLimits.MaximumValueLength, Format("the value of field '{0}'", field.Label));
        }

        NeutralizeTags();
        if (_problems.Count == 0)
        {
            try
            {
                _ = RecordValidation.Validate(_draft);
            }
            catch (MSecureException error)
            {
                _problems.Add(error.Message);
            }
        }

        return _problems.Count > 0
            ? ImportItem.Failed(location, string.Join("; ", _problems), SourceKind)
            : ImportItem.Read(location, _draft, SourceKind, _customFields, _remarks);
    }

    private void NeutralizeTags()
    {
        for (int i = 0; i < _draft.Tags.Count; i++)
        {
            string tag = DisplayText.Neutralize(_draft.Tags[i])!;
            _draft.Tags[i] = tag;
            CheckLength(tag.Length, RecordLimits.MaximumTagLength, Format("tag {0}", i + 1));
        }

        if (_draft.Tags.Count > RecordLimits.MaximumTags)
        {
            _problems.Add(Format("it has {0} tags; at most {1} are allowed", _draft.Tags.Count, RecordLimits.MaximumTags));
        }
    }

    private void CheckLength(int length, int maximum, string what)
    {
        if (length > maximum)
        {
            _problems.Add(Format("{0} is {1} characters long; at most {2} are allowed", what, length, maximum));
        }
    }

    private FieldKind? KindOfTemplateField(string label)
    {
        foreach (FieldDefinition definition in RecordTemplates.FieldsOf(_draft.Template))
        {
            if (string.Equals(definition.Label, label, StringComparison.OrdinalIgnoreCase))
            {
                return definition.Kind;
            }
        }

        return null;
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
