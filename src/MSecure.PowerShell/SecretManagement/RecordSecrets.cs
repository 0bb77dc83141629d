using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Records;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Secrets;

namespace MSecure.PowerShell.SecretManagement;

/// <summary>
/// Which SecretManagement type a record comes back as, and that value. In order: a record
/// Set-Secret marked (<see cref="SecretMarker"/>) comes back as the marked type; a Login with a
/// user name as a PSCredential; a record whose one filled field is secret (and no notes) as a
/// SecureString; any other record as a Hashtable of its filled fields (secret ones as SecureString,
/// the others as string) plus its Notes.
/// </summary>
internal static class RecordSecrets
{
    /// <summary>The Hashtable key of a record's notes (unless a field has that label).</summary>
    internal const string NotesKey = "Notes";

    /// <summary>The type <paramref name="record"/> comes back as.</summary>
    internal static SecretShape ShapeOf(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (SecretMarker.Of(record) is { } marked)
        {
            return marked;
        }

        if (record.Template == RecordTemplate.Login && !string.IsNullOrEmpty(UserNameOf(record)))
        {
            return SecretShape.PSCredential;
        }

        List<RecordField> filled = Filled(record);
        return filled.Count == 1 && filled[0].IsSecret && record.Notes.Length == 0 ? SecretShape.SecureString : SecretShape.Hashtable;
    }

    /// <summary>
    /// The record's secret as <see cref="ShapeOf"/> says; <paramref name="mask"/> is called with the
    /// text of every secret value (a byte[] as its base64) before it is returned.
    /// </summary>
    /// <exception cref="SecretMappingException">SecretRecordInvalid: a byte[] record whose value is not base64.</exception>
    internal static SecretValue Read(Record record, Action<string> mask)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(mask);
        SecretShape shape = ShapeOf(record);
        bool marked = SecretMarker.Of(record) is not null;
        switch (shape)
        {
            case SecretShape.ByteArray:
                return new SecretValue(shape, Bytes(record, mask));
            case SecretShape.String:
                return new SecretValue(shape, Masked(record.GetField(SecretMarker.ValueLabel)!.Value, mask));
            case SecretShape.SecureString:
                RecordField only = marked ? record.GetField(SecretMarker.ValueLabel)! : Filled(record)[0];
                return new SecretValue(shape, SecureStrings.FromSpan(Masked(only.Value, mask), "The secret"));
            case SecretShape.PSCredential:
                string password = record.GetField(RecordFieldNames.PasswordLabel(record.Template))?.Value ?? string.Empty;
                return new SecretValue(shape, null, UserNameOf(record), SecureStrings.FromSpan(Masked(password, mask), "The password"));
            default:
                return new SecretValue(shape, Table(record, marked, mask));
        }
    }

    private static byte[] Bytes(Record record, Action<string> mask)
    {
        string text = Masked(record.GetField(SecretMarker.ValueLabel)!.Value, mask);
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException exception)
        {
            throw new SecretMappingException(ModuleErrorIds.SecretRecordInvalid,
                $"The record is marked as a byte[] secret ({SecretMarker.Label} = ByteArray) but its {SecretMarker.ValueLabel} field is not base64: it was changed outside SecretManagement. Fix or remove the marker field.",
                exception);
        }
    }

    /// <summary>
    /// A marked Hashtable: every field but the marker and web addresses (Set-Secret -Metadata Url adds
    /// one), empty ones included, so the table comes back exactly. Otherwise the filled fields and the notes.
    /// </summary>
    private static Hashtable Table(Record record, bool marked, Action<string> mask)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        IEnumerable<RecordField> fields = marked
            ? record.Fields.Where(field => !SecretMarker.IsMarkerLabel(field.Label) && field.Kind != FieldKind.Url)
            : Filled(record);
        foreach (RecordField field in fields)
        {
            table[field.Label] = field.IsSecret ? SecureStrings.FromSpan(Masked(field.Value, mask), "A secret field") : field.Value;
        }

        if (!marked && record.Notes.Length > 0 && !table.ContainsKey(NotesKey))
        {
            table[NotesKey] = record.Notes;
        }

        return table;
    }

    private static string? UserNameOf(Record record) => record.GetField(RecordFieldNames.UserNameLabel(record.Template))?.Value;

    private static List<RecordField> Filled(Record record) => record.Fields.Where(field => field.Value.Length > 0).ToList();

    private static string Masked(string value, Action<string> mask)
    {
        mask(value);
        return value;
    }
}
