using System;
using System.Collections.Generic;

namespace MSecure.Core.Records;

/// <summary>
/// The names a user may give a field by, beyond its label: the record views show UserName, Url
/// and Password whatever a template calls those fields (a wireless router's user name is its
/// NetworkName, a credit card's main secret its CardNumber). One place maps those names to
/// labels, for reading (the record's UserName and Url, <c>-Field</c>) and writing
/// (<c>-UserName</c>, <c>-Password</c>, <c>-Url</c>, <c>-Field</c>), so both always agree.
/// </summary>
public static class RecordFieldNames
{
    /// <summary>The view name of the user name field.</summary>
    public const string UserName = "UserName";

    /// <summary>The view name of the web address field.</summary>
    public const string Url = "Url";

    /// <summary>The view name of the password (main secret) field.</summary>
    public const string Password = "Password";

    /// <summary>The label of a user name field added to a record whose template has none.</summary>
    public const string DefaultUserNameLabel = "Username";

    /// <summary>The label of a password field added to a record whose template has none.</summary>
    public const string DefaultPasswordLabel = "Password";

    /// <summary>The label of a web address field added to a record that has none.</summary>
    public const string DefaultUrlLabel = "Website";

    /// <summary>The label of the user name field: the template's (see <see cref="RecordTemplates.UserNameLabel"/>), else <see cref="DefaultUserNameLabel"/>.</summary>
    public static string UserNameLabel(RecordTemplate template) => RecordTemplates.UserNameLabel(template) ?? DefaultUserNameLabel;

    /// <summary>The label of the password field: the template's (see <see cref="RecordTemplates.PasswordLabel"/>), else <see cref="DefaultPasswordLabel"/>.</summary>
    public static string PasswordLabel(RecordTemplate template) => RecordTemplates.PasswordLabel(template) ?? DefaultPasswordLabel;

    /// <summary>The label of the web address field: the first field of kind Url, else <see cref="DefaultUrlLabel"/>.</summary>
    public static string UrlLabel(IReadOnlyList<RecordField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (RecordField field in fields)
        {
            if (field.Kind == FieldKind.Url)
            {
                return field.Label;
            }
        }

        return DefaultUrlLabel;
    }

    /// <summary>
    /// The label that <paramref name="name"/> stands for in a record of <paramref name="template"/>
    /// with <paramref name="fields"/>, ignoring case: a field's own label first (so every field
    /// can always be named by its label), else the field a view name stands for
    /// (<see cref="UserName"/>, <see cref="Url"/>, <see cref="Password"/>), else
    /// <paramref name="name"/> itself.
    /// </summary>
    public static string LabelFor(RecordTemplate template, IReadOnlyList<RecordField> fields, string name)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(name);
        foreach (RecordField field in fields)
        {
            if (string.Equals(field.Label, name, StringComparison.OrdinalIgnoreCase))
            {
                return field.Label;
            }
        }

        return ViewLabel(template, fields, name) ?? name;
    }

    /// <summary>The field that <paramref name="name"/> names in <paramref name="record"/> (see <see cref="LabelFor"/>), or null.</summary>
    public static RecordField? Find(Record record, string name)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.GetField(LabelFor(record.Template, record.Fields, name));
    }

    private static string? ViewLabel(RecordTemplate template, IReadOnlyList<RecordField> fields, string name) =>
        string.Equals(name, UserName, StringComparison.OrdinalIgnoreCase) ? UserNameLabel(template)
        : string.Equals(name, Url, StringComparison.OrdinalIgnoreCase) ? UrlLabel(fields)
        : string.Equals(name, Password, StringComparison.OrdinalIgnoreCase) ? PasswordLabel(template)
        : null;
}
