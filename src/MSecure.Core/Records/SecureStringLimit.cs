using System;
using System.Globalization;
using MSecure.Core.Errors;

namespace MSecure.Core.Records;

/// <summary>
/// A SecureString holds at most 65,536 characters. Records written now keep their notes and
/// values within that (<see cref="RecordLimits"/>), but a vault written by an earlier version
/// may hold longer notes: reading them as a SecureString must fail with a clear error naming
/// the record and what to do, never with the runtime's ArgumentOutOfRangeException.
/// </summary>
public static class SecureStringLimit
{
    /// <summary>The most characters a SecureString holds.</summary>
    public const int MaximumLength = RecordLimits.MaximumSecureStringLength;

    /// <summary>SecretTooLong unless the notes and every secret field value of <paramref name="record"/> fit in a SecureString.</summary>
    /// <exception cref="MSecureException">SecretTooLong, naming the record (neutralised) and the field, never a value.</exception>
    public static void EnsureFits(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string name = DisplayText.Neutralize(record.Name)!;
        if (record.Notes.Length > MaximumLength)
        {
            throw MSecureErrors.SecretTooLong(
                string.Format(CultureInfo.InvariantCulture, "The notes of record '{0}'", name), record.Notes.Length,
                "They were stored by an earlier version of MSecure: read them with -AsPlainText, then shorten them with Set-MSecureRecord -Notes.");
        }

        foreach (RecordField field in record.Fields)
        {
            if (field.IsSecret && field.Value.Length > MaximumLength)
            {
                throw MSecureErrors.SecretTooLong(
                    string.Format(CultureInfo.InvariantCulture, "The field '{0}' of record '{1}'", DisplayText.Neutralize(field.Label), name), field.Value.Length,
                    "Read it with -AsPlainText, then shorten it with Set-MSecureRecord -Field.");
            }
        }
    }
}
