using System;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.MSecure;

/// <summary>
/// mSecure 6's field type ids (the middle part of <c>Label|typeId|Value</c>) and MSecure's field kinds.
/// Seen in mSecure's own exports: 0 text, 2 URL, 4 phone, 7 user name, 8 password, 9 secure text
/// (PIN, security code), 11 month/year date, 12 card number. Assumed from mSecure's field list
/// (ARCHITECTURE 19.2): 1 number, 3 email, 5 date, 6 time, 10 multi-line note. Any other id reads as text.
/// </summary>
internal static class MSecureFieldTypes
{
    internal const int Text = 0;
    internal const int Number = 1;
    internal const int Url = 2;
    internal const int Email = 3;
    internal const int Phone = 4;
    internal const int Date = 5;
    internal const int Time = 6;
    internal const int UserName = 7;
    internal const int Password = 8;
    internal const int SecureText = 9;
    internal const int Note = 10;
    internal const int MonthYear = 11;
    internal const int CardNumber = 12;

    /// <summary>The kind of a custom field of type <paramref name="typeId"/> labelled <paramref name="label"/>.</summary>
    internal static FieldKind KindOf(int typeId, string label) => typeId switch
    {
        Url => FieldKind.Url,
        Email => FieldKind.Email,
        Phone => FieldKind.Phone,
        Date or MonthYear => FieldKind.Date,
        Password or CardNumber => FieldKind.Secret,
        SecureText => LabelKey.Of(label).EndsWith("pin", StringComparison.Ordinal) ? FieldKind.Pin : FieldKind.Secret,
        Note => FieldKind.Note,
        _ => FieldKind.Text,
    };

    /// <summary>The label a field of <paramref name="typeId"/> without a label of its own goes by.</summary>
    internal static string DefaultLabel(int typeId) => typeId switch
    {
        UserName => "Username",
        Password => "Password",
        Url => "Website",
        CardNumber => "Card Number",
        _ => ImportDraftBuilder.UnlabelledField,
    };

    /// <summary>The type id the writer gives <paramref name="field"/> of a record of <paramref name="template"/>.</summary>
    internal static int TypeIdOf(RecordTemplate template, RecordField field)
    {
        string key = LabelKey.Of(field.Label);
        return field.Kind switch
        {
            FieldKind.Text when string.Equals(field.Label, RecordTemplates.UserNameLabel(template), StringComparison.OrdinalIgnoreCase) || key == "username" => UserName,
            FieldKind.Secret when key == "cardnumber" => CardNumber,
            FieldKind.Secret when string.Equals(field.Label, RecordTemplates.PasswordLabel(template), StringComparison.OrdinalIgnoreCase) || key.Contains("password", StringComparison.Ordinal) => Password,
            FieldKind.Secret or FieldKind.Pin or FieldKind.OneTimePasswordSeed => SecureText,
            FieldKind.Url => Url,
            FieldKind.Email => Email,
            FieldKind.Phone => Phone,
            FieldKind.Date when key.Contains("expir", StringComparison.Ordinal) => MonthYear,
            FieldKind.Date => Date,
            FieldKind.Note => Note,
            _ => Text,
        };
    }
}
