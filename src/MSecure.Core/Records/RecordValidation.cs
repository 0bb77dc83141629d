using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Records;

/// <summary>
/// Checks a <see cref="RecordDraft"/> and freezes it into <see cref="RecordContent"/>. Error
/// messages name the rule and the position, never a value. Names, field labels and tags are
/// shown in lists and tables, so they must be safe to show (<see cref="DisplayText"/>); values
/// and notes may hold any character.
/// </summary>
internal static class RecordValidation
{
    /// <summary>Above this many fields, repeated labels are found with a set.</summary>
    private const int LabelSetThreshold = 16;

    /// <summary>Checks <paramref name="draft"/> and returns an immutable copy of its content.</summary>
    /// <exception cref="MSecureException">InvalidRecord.</exception>
    internal static RecordContent Validate(RecordDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        CheckName(draft.Name);
        CheckShowable(draft.Name, new Place("the name"));
        if (!Enum.IsDefined(draft.Template))
        {
            throw MSecureErrors.InvalidRecord("its template is not one of the defined templates.");
        }

        string notes = draft.Notes ?? string.Empty;
        CheckText(notes, new Place("the notes"), RecordLimits.MaximumNotesLength);
        return new RecordContent(draft.Name, draft.Template, CheckFields(draft.Fields), CheckTags(draft.Tags), notes, draft.IsFavorite);
    }

    /// <summary>Checks a record name: 1 to 256 characters, not only white space, valid Unicode.</summary>
    /// <exception cref="MSecureException">InvalidRecord.</exception>
    internal static void CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw MSecureErrors.InvalidRecord("its name is empty or only white space.");
        }

        CheckText(name, new Place("the name"), RecordLimits.MaximumNameLength);
    }

    private static List<RecordField> CheckFields(List<RecordField> fields)
    {
        if (fields.Count > RecordLimits.MaximumFields)
        {
            throw MSecureErrors.InvalidRecord(Format("it has {0} fields; at most {1} are allowed.", fields.Count, RecordLimits.MaximumFields));
        }

        // Most records have a handful of fields: comparing with the earlier ones costs less than a set.
        HashSet<string>? labels = fields.Count > LabelSetThreshold ? new(StringComparer.OrdinalIgnoreCase) : null;
        var result = new List<RecordField>(fields.Count);
        for (int i = 0; i < fields.Count; i++)
        {
            RecordField? field = fields[i];
            var position = new Place("field", i + 1);
            if (field is null || string.IsNullOrWhiteSpace(field.Label))
            {
                throw MSecureErrors.InvalidRecord(Format("{0} has no label.", position));
            }

            CheckText(field.Label, position with { Part = "'s label" }, RecordLimits.MaximumLabelLength);
            CheckShowable(field.Label, position with { Part = "'s label" });
            if (labels is null ? HasLabel(result, field.Label) : !labels.Add(field.Label))
            {
                throw MSecureErrors.InvalidRecord(Format("{0} repeats the label of an earlier field (labels are unique, ignoring case).", position));
            }

            if (!Enum.IsDefined(field.Kind))
            {
                throw MSecureErrors.InvalidRecord(Format("{0} has an undefined kind.", position));
            }

            string value = field.Value ?? string.Empty;
            CheckText(value, position with { Part = "'s value" }, RecordLimits.MaximumValueLength);
            result.Add(field.Value is null ? field with { Value = value } : field);
        }

        return result;
    }

    private static List<string> CheckTags(List<string> tags)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(tags.Count);
        for (int i = 0; i < tags.Count; i++)
        {
            string? tag = tags[i];
            var position = new Place("tag", i + 1);
            if (string.IsNullOrWhiteSpace(tag))
            {
                throw MSecureErrors.InvalidRecord(Format("{0} is empty or only white space.", position));
            }

            CheckText(tag, position, RecordLimits.MaximumTagLength);
            CheckShowable(tag, position);
            if (seen.Add(tag))
            {
                result.Add(tag);
            }
        }

        if (result.Count > RecordLimits.MaximumTags)
        {
            throw MSecureErrors.InvalidRecord(Format("it has {0} tags; at most {1} are allowed.", result.Count, RecordLimits.MaximumTags));
        }

        return result;
    }

    private static void CheckText(string text, Place what, int maximumLength)
    {
        if (text.Length > maximumLength)
        {
            throw MSecureErrors.InvalidRecord(Format("{0} is {1} characters long; at most {2} are allowed.", what, text.Length, maximumLength));
        }

        // Only surrogates can be unpaired: most text has none and skips the strict encoder.
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return;
        }

        try
        {
            _ = StrictUtf8.Encoding.GetByteCount(text);
        }
        catch (EncoderFallbackException)
        {
            throw MSecureErrors.InvalidRecord(Format("{0} is not valid Unicode text (an unpaired surrogate).", what));
        }
    }

    /// <summary>
    /// InvalidRecord when <paramref name="text"/> holds a character unsafe to show (a control,
    /// bidirectional formatting or line separator character). Checked when a record is written,
    /// not when it is looked up, so a record stored before this rule can still be found and renamed.
    /// </summary>
    private static void CheckShowable(string text, Place what)
    {
        if (DisplayText.DescribeUnsafe(text) is { } reason)
        {
            throw MSecureErrors.InvalidRecord(Format(
                "{0} may not hold control characters, bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) or line separators (U+2028, U+2029): {1}.",
                what, reason));
        }
    }

    private static bool HasLabel(List<RecordField> earlier, string label)
    {
        foreach (RecordField field in earlier)
        {
            if (string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Format(string format, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>
    /// Where a rule was broken ("the name", "field 3's label", "tag 2"): spelled out only when a message
    /// is made, so that checking a valid record formats no text.
    /// </summary>
    private readonly record struct Place(string Subject, int Number = 0, string Part = "")
    {
        public override string ToString() =>
            Number > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Subject} {Number}{Part}") : Subject + Part;
    }
}
