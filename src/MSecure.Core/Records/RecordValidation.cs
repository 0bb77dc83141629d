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
    /// <summary>Checks <paramref name="draft"/> and returns an immutable copy of its content.</summary>
    /// <exception cref="MSecureException">InvalidRecord.</exception>
    internal static RecordContent Validate(RecordDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        CheckName(draft.Name);
        CheckShowable(draft.Name, "the name");
        if (!Enum.IsDefined(draft.Template))
        {
            throw MSecureErrors.InvalidRecord("its template is not one of the defined templates.");
        }

        string notes = draft.Notes ?? string.Empty;
        CheckText(notes, "the notes", RecordLimits.MaximumNotesLength);
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

        CheckText(name, "the name", RecordLimits.MaximumNameLength);
    }

    private static List<RecordField> CheckFields(List<RecordField> fields)
    {
        if (fields.Count > RecordLimits.MaximumFields)
        {
            throw MSecureErrors.InvalidRecord(Format("it has {0} fields; at most {1} are allowed.", fields.Count, RecordLimits.MaximumFields));
        }

        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<RecordField>(fields.Count);
        for (int i = 0; i < fields.Count; i++)
        {
            RecordField? field = fields[i];
            string position = Format("field {0}", i + 1);
            if (field is null || string.IsNullOrWhiteSpace(field.Label))
            {
                throw MSecureErrors.InvalidRecord(Format("{0} has no label.", position));
            }

            CheckText(field.Label, position + "'s label", RecordLimits.MaximumLabelLength);
            CheckShowable(field.Label, position + "'s label");
            if (!labels.Add(field.Label))
            {
                throw MSecureErrors.InvalidRecord(Format("{0} repeats the label of an earlier field (labels are unique, ignoring case).", position));
            }

            if (!Enum.IsDefined(field.Kind))
            {
                throw MSecureErrors.InvalidRecord(Format("{0} has an undefined kind.", position));
            }

            string value = field.Value ?? string.Empty;
            CheckText(value, position + "'s value", RecordLimits.MaximumValueLength);
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
            string position = Format("tag {0}", i + 1);
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

    private static void CheckText(string text, string what, int maximumLength)
    {
        if (text.Length > maximumLength)
        {
            throw MSecureErrors.InvalidRecord(Format("{0} is {1} characters long; at most {2} are allowed.", what, text.Length, maximumLength));
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
    private static void CheckShowable(string text, string what)
    {
        if (DisplayText.DescribeUnsafe(text) is { } reason)
        {
            throw MSecureErrors.InvalidRecord(Format(
                "{0} may not hold control characters, bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) or line separators (U+2028, U+2029): {1}.",
                what, reason));
        }
    }

    private static string Format(string format, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);
}
