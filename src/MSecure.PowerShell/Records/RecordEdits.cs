using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Records;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Secrets;

namespace MSecure.PowerShell.Records;

/// <summary>
/// Applies the record parameters of New-MSecureRecord and Set-MSecureRecord to a draft. A null
/// argument leaves that part of the draft as it is.
/// </summary>
internal static class RecordEdits
{
    /// <summary>Applies every given change.</summary>
    /// <param name="draft">The draft to change.</param>
    /// <param name="userName">-UserName: the template's user name field (see <see cref="RecordFieldNames.UserNameLabel"/>), else a Username text field.</param>
    /// <param name="password">-Password: the template's password field (see <see cref="RecordFieldNames.PasswordLabel"/>), else a Password secret field.</param>
    /// <param name="url">-Url: the record's first web address field, else a Website field.</param>
    /// <param name="fields">-Field: label = value, where a label may also be a view name (UserName, Url, Password: <see cref="RecordFieldNames.LabelFor"/>); a SecureString value makes a new field secret; a null value removes the field.</param>
    /// <param name="tags">-Tag: replaces the tags.</param>
    /// <param name="notes">-Notes: replaces the notes; a String or a SecureString (see <see cref="NotesText"/>).</param>
    /// <param name="favorite">-Favorite.</param>
    /// <param name="warn">Writes a warning: a secret field given as a plain String.</param>
    internal static void Apply(RecordDraft draft, string? userName, SecureString? password, string? url, IDictionary? fields, string[]? tags, object? notes, bool? favorite, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(warn);
        if (userName is not null)
        {
            SetUserName(draft, userName);
        }

        if (password is not null)
        {
            SetPassword(draft, SecureStrings.ToPlainText(password));
        }

        if (url is not null)
        {
            SetUrl(draft, url);
        }

        if (fields is not null)
        {
            SetFields(draft, fields, warn);
        }

        if (tags is not null)
        {
            draft.Tags.Clear();
            draft.Tags.AddRange(tags);
        }

        if (NotesText(notes) is { } text)
        {
            draft.Notes = text;
        }

        if (favorite is { } isFavorite)
        {
            draft.IsFavorite = isFavorite;
        }
    }

    /// <summary>
    /// The text of a -Notes value: a SecureString's characters, a String as it is, anything
    /// else converted as PowerShell converts to String; null for null (notes unchanged).
    /// </summary>
    internal static string? NotesText(object? notes) => Unwrap(notes) switch
    {
        null => null,
        SecureString secret => SecureStrings.ToPlainText(secret),
        string text => text,
        object other => LanguagePrimitives.ConvertTo<string>(other) ?? string.Empty,
    };

    private static void SetFields(RecordDraft draft, IDictionary fields, Action<string> warn)
    {
        foreach (DictionaryEntry entry in fields)
        {
            string given = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
            string label = RecordFieldNames.LabelFor(draft.Template, draft.Fields, given);
            object? value = Unwrap(entry.Value);
            bool exists = draft.Fields.Exists(field => string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase));
            if (value is not null && !exists && SetByViewName(draft, given, value, warn))
            {
                continue;
            }

            if (value is null)
            {
                draft.RemoveField(label);
            }
            else if (value is SecureString secret)
            {
                draft.SetField(label, SecureStrings.ToPlainText(secret), exists ? null : FieldKind.Secret);
            }
            else
            {
                RecordField? existing = draft.Fields.Find(field => string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase));
                if (existing is not null && existing.IsSecret)
                {
                    WarnPlainSecret(existing.Label, warn);
                }

                draft.SetField(label, LanguagePrimitives.ConvertTo<string>(value) ?? string.Empty);
            }
        }
    }

    /// <summary>The template's user name field, else a Username text field.</summary>
    private static void SetUserName(RecordDraft draft, string userName) =>
        draft.SetField(RecordFieldNames.UserNameLabel(draft.Template), userName);

    /// <summary>The template's password field, else a Password secret field.</summary>
    private static void SetPassword(RecordDraft draft, string password) =>
        draft.SetField(RecordFieldNames.PasswordLabel(draft.Template), password, RecordTemplates.PasswordLabel(draft.Template) is null ? FieldKind.Secret : null);

    /// <summary>The record's first web address field, else a new Website field of kind Url.</summary>
    private static void SetUrl(RecordDraft draft, string url)
    {
        bool hasUrlField = draft.Fields.Exists(field => field.Kind == FieldKind.Url);
        draft.SetField(RecordFieldNames.UrlLabel(draft.Fields), url, hasUrlField ? null : FieldKind.Url);
    }

    /// <summary>
    /// A -Field entry named by a view name (UserName, Url, Password) for a field the record does
    /// not have yet: added as the matching parameter would add it (a Password is secret, a Url a
    /// web address). False when <paramref name="name"/> is not a view name.
    /// </summary>
    private static bool SetByViewName(RecordDraft draft, string name, object value, Action<string> warn)
    {
        string text = value is SecureString secret ? SecureStrings.ToPlainText(secret) : LanguagePrimitives.ConvertTo<string>(value) ?? string.Empty;
        if (string.Equals(name, RecordFieldNames.UserName, StringComparison.OrdinalIgnoreCase))
        {
            SetUserName(draft, text);
        }
        else if (string.Equals(name, RecordFieldNames.Url, StringComparison.OrdinalIgnoreCase))
        {
            SetUrl(draft, text);
        }
        else if (string.Equals(name, RecordFieldNames.Password, StringComparison.OrdinalIgnoreCase))
        {
            if (value is not SecureString)
            {
                WarnPlainSecret(RecordFieldNames.PasswordLabel(draft.Template), warn);
            }

            SetPassword(draft, text);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static void WarnPlainSecret(string label, Action<string> warn) =>
        warn($"The secret field '{TerminalText.Of(label)}' was given as plain text: the value may be kept in the command history and logs. Give a SecureString instead (for example Read-Host -AsSecureString).");

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
