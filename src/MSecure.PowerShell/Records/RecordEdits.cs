using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Records;
using MSecure.PowerShell.Secrets;

namespace MSecure.PowerShell.Records;

/// <summary>
/// Applies the record parameters of New-MSecureRecord and Set-MSecureRecord to a draft. A null
/// argument leaves that part of the draft as it is.
/// </summary>
internal static class RecordEdits
{
    /// <summary>The label used for -Url when the record has no web address field.</summary>
    internal const string DefaultUrlLabel = "Website";

    /// <summary>Applies every given change.</summary>
    /// <param name="draft">The draft to change.</param>
    /// <param name="userName">-UserName: the template's user name field (see <see cref="RecordTemplates.UserNameLabel"/>), else a Username text field.</param>
    /// <param name="password">-Password: the template's password field (see <see cref="RecordTemplates.PasswordLabel"/>), else a Password secret field.</param>
    /// <param name="url">-Url: the record's first web address field, else a Website field.</param>
    /// <param name="fields">-Field: label = value; a SecureString value makes a new field secret; a null value removes the field.</param>
    /// <param name="tags">-Tag: replaces the tags.</param>
    /// <param name="notes">-Notes: replaces the notes; a String or a SecureString (see <see cref="NotesText"/>).</param>
    /// <param name="favorite">-Favorite.</param>
    /// <param name="warn">Writes a warning: a secret field given as a plain String.</param>
    internal static void Apply(RecordDraft draft, string? userName, SecureString? password, string? url, IDictionary? fields, string[]? tags, object? notes, bool? favorite, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(warn);
        if (userName is not null)
        {
            draft.SetField(RecordTemplates.UserNameLabel(draft.Template) ?? "Username", userName);
        }

        if (password is not null)
        {
            string? label = RecordTemplates.PasswordLabel(draft.Template);
            draft.SetField(label ?? "Password", SecureStrings.ToPlainText(password), label is null ? FieldKind.Secret : null);
        }

        if (url is not null)
        {
            string? label = draft.Fields.Find(field => field.Kind == FieldKind.Url)?.Label;
            draft.SetField(label ?? DefaultUrlLabel, url, label is null ? FieldKind.Url : null);
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
            string label = Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
            object? value = Unwrap(entry.Value);
            if (value is null)
            {
                draft.RemoveField(label);
            }
            else if (value is SecureString secret)
            {
                bool known = draft.Fields.Exists(field => string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase));
                draft.SetField(label, SecureStrings.ToPlainText(secret), known ? null : FieldKind.Secret);
            }
            else
            {
                RecordField? existing = draft.Fields.Find(field => string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase));
                if (existing is not null && existing.IsSecret)
                {
                    warn($"The secret field '{existing.Label}' was given as plain text: the value may be kept in the command history and logs. Give a SecureString instead (for example Read-Host -AsSecureString).");
                }

                draft.SetField(label, LanguagePrimitives.ConvertTo<string>(value) ?? string.Empty);
            }
        }
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
