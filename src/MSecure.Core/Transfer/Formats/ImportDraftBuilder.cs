using System;
using System.Collections.Generic;
using System.Globalization;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats;

/// <summary>
/// Builds one <see cref="ImportItem"/> by the shared mapping rules: the template's fields first,
/// anything else a custom field (never dropped), labels made unique ("Phone (2)"), one-time
/// password seeds recognised, tags and remarks collected, and the result checked against
/// <see cref="RecordLimits"/>, so a value too long is reported with the entry's location, never cut and never shown.
/// </summary>
internal sealed class ImportDraftBuilder
{
    /// <summary>The name given to an entry without one.</summary>
    internal const string UntitledName = "Untitled";

    /// <summary>The label of a custom field whose source gave none.</summary>
    internal const string UnlabelledField = "Field";

    private readonly RecordDraft _draft;
    private readonly int _templateFields;
    private readonly HashSet<string> _labels;
    private List<string>? _customFields;
    private List<string>? _remarks;

    /// <summary>A draft of <paramref name="template"/> (its fields present and empty) named <paramref name="name"/>.</summary>
    internal ImportDraftBuilder(string? name, RecordTemplate template)
    {
        _draft = RecordDraft.FromTemplate(string.IsNullOrWhiteSpace(name) ? UntitledName : name, template);
        _templateFields = _draft.Fields.Count;
        _labels = new HashSet<string>(_templateFields + 4, StringComparer.OrdinalIgnoreCase);
        foreach (RecordField field in _draft.Fields)
        {
            _labels.Add(field.Label);
        }
    }

    /// <summary>The draft's template.</summary>
    internal RecordTemplate Template => _draft.Template;

    /// <summary>Whether the template has a field labelled <paramref name="label"/> that is still empty.</summary>
    internal bool IsTemplateFieldEmpty(string label)
    {
        int index = TemplateIndex(label);
        return index >= 0 && _draft.Fields[index].Value.Length == 0;
    }

    /// <summary>
    /// Puts <paramref name="value"/> into the template field <paramref name="label"/> when it is
    /// still empty; a second value for it becomes a custom field of the same kind ("Label (2)").
    /// An empty value changes nothing.
    /// </summary>
    internal void SetTemplateField(string label, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        int index = TemplateIndex(label);
        if (index >= 0 && _draft.Fields[index].Value.Length == 0)
        {
            _draft.Fields[index] = _draft.Fields[index] with { Value = value };
            return;
        }

        AddCustomField(label, index >= 0 ? _draft.Fields[index].Kind : FieldKind.Text, value);
    }

    /// <summary>
    /// A field labelled <paramref name="sourceLabel"/> in the source: the template field it names
    /// (<see cref="LabelKey.TemplateLabel"/>) when that is still empty, else a custom field under
    /// the source's own label, of <paramref name="customKind"/>. An empty value changes nothing.
    /// </summary>
    internal void AddField(string? sourceLabel, string? value, FieldKind customKind)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        string? templateLabel = string.IsNullOrWhiteSpace(sourceLabel) ? null : LabelKey.TemplateLabel(_draft.Template, sourceLabel);
        if (templateLabel is not null && IsTemplateFieldEmpty(templateLabel))
        {
            SetTemplateField(templateLabel, value);
            return;
        }

        AddCustomField(sourceLabel, customKind, value);
    }

    /// <summary>
    /// A one-time password seed (otpauth:// URI or Base32): the template's OneTimePassword field
    /// when it has one, else a custom field of kind <see cref="FieldKind.OneTimePasswordSeed"/>.
    /// </summary>
    internal void SetOneTimePassword(string? seed)
    {
        if (string.IsNullOrEmpty(seed))
        {
            return;
        }

        if (IsTemplateFieldEmpty(OneTimePasswordLabel))
        {
            SetTemplateField(OneTimePasswordLabel, seed);
        }
        else
        {
            AddCustomField(OneTimePasswordLabel, FieldKind.OneTimePasswordSeed, seed);
        }
    }

    /// <summary>
    /// Adds a custom field (listed in <see cref="ImportItem.CustomFields"/>). Its label is made unique
    /// ("Label (2)"); a value that is an otpauth:// URI, or a label naming a one-time password,
    /// makes it a <see cref="FieldKind.OneTimePasswordSeed"/>.
    /// </summary>
    internal void AddCustomField(string? label, FieldKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string wanted = string.IsNullOrWhiteSpace(label) ? UnlabelledField : label.Trim();
        if (kind is FieldKind.Text or FieldKind.Secret && IsOneTimePasswordSeed(wanted, value))
        {
            kind = FieldKind.OneTimePasswordSeed;
        }

        string unique = UniqueLabel(wanted);
        _labels.Add(unique);
        _draft.Fields.Add(new RecordField(unique, kind, value));
        (_customFields ??= []).Add(wanted);
    }

    /// <summary>Adds a tag (trimmed; empty ones ignored, repeats dropped).</summary>
    internal void AddTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return;
        }

        string trimmed = tag.Trim();
        foreach (string existing in _draft.Tags)
        {
            if (string.Equals(existing, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        _draft.Tags.Add(trimmed);
    }

    /// <summary>The record's notes.</summary>
    internal string Notes
    {
        get => _draft.Notes;
        set => _draft.Notes = value ?? string.Empty;
    }

    /// <summary>Whether the record is a favorite.</summary>
    internal bool IsFavorite
    {
        get => _draft.IsFavorite;
        set => _draft.IsFavorite = value;
    }

    /// <summary>Adds a remark for the report (never a value: labels, file names, counts only).</summary>
    internal void Remark(string remark) => (_remarks ??= []).Add(remark);

    /// <summary>Adds the remark that an attachment was not imported.</summary>
    internal void AttachmentSkipped(string? fileName) =>
        Remark(string.Format(CultureInfo.InvariantCulture, "attachment '{0}' skipped", DisplayText.Neutralize(string.IsNullOrEmpty(fileName) ? "(unnamed)" : fileName)));

    /// <summary>
    /// The entry: read, or failed when the draft is beyond <see cref="RecordLimits"/> (the reason
    /// names the rule and the field's label, never a value). The vault's full validation (showable
    /// names and labels, valid Unicode) runs when the import stores the drafts.
    /// </summary>
    internal ImportItem Build(string location, string sourceKind)
    {
        ReplaceUnshowable();
        string? problem = LimitProblem();
        return problem is null
            ? ImportItem.Read(location, _draft, sourceKind, _customFields, _remarks)
            : ImportItem.Failed(location, problem, sourceKind);
    }

    /// <summary>
    /// The vault refuses control and bidirectional formatting characters in names, labels and tags
    /// (they could disguise what a terminal shows). Other managers allow them, so rather than fail
    /// the whole file over a stray tab, each such character becomes a space and a remark says where.
    /// </summary>
    private void ReplaceUnshowable()
    {
        if (Showable(_draft.Name) is { } name)
        {
            _draft.Name = name;
            Remark("control or formatting characters in the title were replaced with spaces");
        }

        for (int i = 0; i < _draft.Fields.Count; i++)
        {
            RecordField field = _draft.Fields[i];
            if (Showable(field.Label) is { } label)
            {
                _draft.Fields[i] = field with { Label = label };
                Remark("control or formatting characters in the label of field '" + label + "' were replaced with spaces");
            }
        }

        for (int i = 0; i < _draft.Tags.Count; i++)
        {
            if (Showable(_draft.Tags[i]) is { } tag)
            {
                _draft.Tags[i] = tag;
                Remark("control or formatting characters in the tag '" + tag + "' were replaced with spaces");
            }
        }
    }

    /// <summary><paramref name="text"/> with each unshowable character replaced by a space, or null when it has none.</summary>
    private static string? Showable(string text) =>
        DisplayText.IndexOfUnsafe(text) < 0
            ? null
            : string.Create(text.Length, text, static (span, source) =>
            {
                for (int i = 0; i < source.Length; i++)
                {
                    span[i] = DisplayText.IsUnsafe(source[i]) ? ' ' : source[i];
                }
            });

    private string? LimitProblem()
    {
        if (_draft.Name.Length > RecordLimits.MaximumNameLength)
        {
            return Limit("the name", _draft.Name.Length, RecordLimits.MaximumNameLength);
        }

        if (_draft.Notes.Length > RecordLimits.MaximumNotesLength)
        {
            return Limit("the notes", _draft.Notes.Length, RecordLimits.MaximumNotesLength);
        }

        if (_draft.Fields.Count > RecordLimits.MaximumFields)
        {
            return string.Format(CultureInfo.InvariantCulture, "it has {0} fields; at most {1} are allowed.", _draft.Fields.Count, RecordLimits.MaximumFields);
        }

        foreach (RecordField field in _draft.Fields)
        {
            if (field.Label.Length > RecordLimits.MaximumLabelLength)
            {
                return Limit("a field's label", field.Label.Length, RecordLimits.MaximumLabelLength);
            }

            if (field.Value.Length > RecordLimits.MaximumValueLength)
            {
                return Limit("the value of field '" + DisplayText.Neutralize(field.Label) + "'", field.Value.Length, RecordLimits.MaximumValueLength);
            }
        }

        if (_draft.Tags.Count > RecordLimits.MaximumTags)
        {
            return string.Format(CultureInfo.InvariantCulture, "it has {0} tags; at most {1} are allowed.", _draft.Tags.Count, RecordLimits.MaximumTags);
        }

        foreach (string tag in _draft.Tags)
        {
            if (tag.Length > RecordLimits.MaximumTagLength)
            {
                return Limit("a tag", tag.Length, RecordLimits.MaximumTagLength);
            }
        }

        return null;
    }

    private static string Limit(string what, int length, int maximum) =>
        string.Format(CultureInfo.InvariantCulture, "{0} is {1} characters long; at most {2} are allowed.", what, length, maximum);

    /// <summary>The label of the Login template's one-time password field.</summary>
    internal const string OneTimePasswordLabel = "OneTimePassword";

    /// <summary>Whether a field labelled <paramref name="label"/> holding <paramref name="value"/> is a TOTP seed.</summary>
    internal static bool IsOneTimePasswordSeed(string label, string value) =>
        value.StartsWith("otpauth://", StringComparison.OrdinalIgnoreCase)
        || LabelKey.Of(label) is "onetimepassword" or "totp" or "otp" or "2fa" or "onetimecode" or "authenticator" or "totpseed" or "otpseed";

    /// <summary>The index of the template field labelled <paramref name="label"/> (ignoring case), or -1.</summary>
    private int TemplateIndex(string label)
    {
        for (int i = 0; i < _templateFields; i++)
        {
            if (string.Equals(_draft.Fields[i].Label, label, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private string UniqueLabel(string label)
    {
        if (!_labels.Contains(label))
        {
            return label;
        }

        for (int n = 2; ; n++)
        {
            string candidate = string.Format(CultureInfo.InvariantCulture, "{0} ({1})", label, n);
            if (!_labels.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
