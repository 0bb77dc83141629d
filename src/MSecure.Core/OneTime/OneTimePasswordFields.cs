using System;
using MSecure.Core.Errors;
using MSecure.Core.Records;

namespace MSecure.Core.OneTime;

/// <summary>Where a record keeps its TOTP seed.</summary>
public static class OneTimePasswordFields
{
    /// <summary>
    /// The seed text of <paramref name="record"/>: the field labelled <paramref name="label"/> when
    /// given (ignoring case), else its first non-empty field of kind <see cref="FieldKind.OneTimePasswordSeed"/>.
    /// </summary>
    /// <exception cref="MSecureException">OneTimePasswordMissing: no such field, or it is empty.</exception>
    public static string SeedOf(Record record, string? label)
    {
        ArgumentNullException.ThrowIfNull(record);
        RecordField? field = label is null ? FirstSeed(record) : record.GetField(label);
        return field is { Value.Length: > 0 } && !string.IsNullOrWhiteSpace(field.Value)
            ? field.Value
            : throw MSecureErrors.OneTimePasswordMissing(record.Name);
    }

    /// <summary>Whether <paramref name="record"/> has a non-empty field of kind <see cref="FieldKind.OneTimePasswordSeed"/>.</summary>
    public static bool HasSeed(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return FirstSeed(record) is not null;
    }

    private static RecordField? FirstSeed(Record record)
    {
        foreach (RecordField field in record.Fields)
        {
            if (field.Kind == FieldKind.OneTimePasswordSeed && !string.IsNullOrWhiteSpace(field.Value))
            {
                return field;
            }
        }

        return null;
    }
}
