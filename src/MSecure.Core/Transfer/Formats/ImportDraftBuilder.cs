using System;
using System.Collections.Generic;
using System.Globalization;
using MSecure.Core.Errors;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats;

/// <summary>
/// Builds one <see cref="ImportItem"/> by the shared mapping rules: the template's fields first,
/// anything else a custom field (never dropped), labels made unique ("Phone (2)"), one-time
/// password seeds recognised, tags and remarks collected, and the result checked by the same
/// validation the vault applies, so a problem is reported with the entry's location, never a value.
/// </summary>
internal sealed class ImportDraftBuilder
{
    /// <summary>The name given to an entry without one.</summary>
    internal const string UntitledName = "Untitled";

    /// <summary>The label of a custom field whose source gave none.</summary>
    internal const string UnlabelledField = "Field";

    private readonly RecordDraft _draft;
    private readonly HashSet<string> _labels = new(StringComparer.OrdinalIgnoreCase);
    private List<string>? _customFields;
    private List<string>? _remarks;

    /// <summary>A draft of <paramref name="template"/> (its fields present and empty) named <paramref name="name"/>.</summary>
    internal ImportDraftBuilder(string? name, RecordTemplate template)
    {
        _draft = RecordDraft.FromTemplate(string.IsNullOrWhiteSpace(name) ? UntitledName : name, template);
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
        int index = IndexOf(label);
        return index >= 0 && _draft.Fields[index].Value.Length == 0 && RecordTemplates.KindOf(_draft.Template, label) is not null;
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

        int index = IndexOf(label);
        FieldKind? kind = RecordTemplates.KindOf(_draft.Template, label);
        if (index >= 0 && kind is not null && _draft.Fields[index].Value.Length == 0)
        {
            RecordField existing = _draft.Fields[index];
            _draft.Fields[index] = existing with { Value = value };
            return;
        }

        AddCustomField(label, kind ?? FieldKind.Text, value);
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
        if (!_draft.Tags.Exists(existing => string.Equals(existing, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            _draft.Tags.Add(trimmed);
        }
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

    /// <summary>The entry: read, or failed with the reason the vault would give (never a value) when the draft breaks a record rule or limit.</summary>
    internal ImportItem Build(string location, string sourceKind)
    {
        try
        {
            _ = RecordValidation.Validate(_draft);
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.InvalidRecord)
        {
            return ImportItem.Failed(location, exception.Message, sourceKind);
        }

        return ImportItem.Read(location, _draft, sourceKind, _customFields, _remarks);
    }

    /// <summary>The label of the Login template's one-time password field.</summary>
    internal const string OneTimePasswordLabel = "OneTimePassword";

    /// <summary>Whether a field labelled <paramref name="label"/> holding <paramref name="value"/> is a TOTP seed.</summary>
    internal static bool IsOneTimePasswordSeed(string label, string value) =>
        value.StartsWith("otpauth://", StringComparison.OrdinalIgnoreCase)
        || LabelKey.Of(label) is "onetimepassword" or "totp" or "otp" or "2fa" or "onetimecode" or "authenticator" or "totpseed" or "otpseed";

    private int IndexOf(string label) =>
        _draft.Fields.FindIndex(field => string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase));

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
