using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;

namespace MSecure.PowerShell.Records;

/// <summary>What the record cmdlets write: records, one field's value, or a credential. Secrets are SecureStrings unless -AsPlainText.</summary>
internal static class RecordOutput
{
    /// <summary>The record as an <see cref="MSecureRecord"/> of the vault at <paramref name="vaultPath"/>.</summary>
    /// <exception cref="MSecureException">SecretTooLong: without -AsPlainText, notes or a secret value (from an older vault) too long for a SecureString.</exception>
    internal static MSecureRecord From(Record record, string vaultPath, bool asPlainText)
    {
        if (!asPlainText)
        {
            SecureStringLimit.EnsureFits(record);
        }

        return new MSecureRecord(
            record.Id,
            record.Name,
            record.Template.ToString(),
            record.Fields.Select(field => new MSecureRecordField(field.Label, field.Kind.ToString(), field.IsSecret, ValueOf(field, asPlainText))).ToArray(),
            record.Tags.ToArray(),
            asPlainText ? record.Notes : SecureStrings.FromSpan(record.Notes),
            record.IsFavorite,
            record.CreatedAt,
            record.ModifiedAt,
            record.Revision,
            vaultPath,
            VaultLocations.NameOf(vaultPath),
            ShownValue(record, RecordFieldNames.UserNameLabel(record.Template)),
            ShownValue(record, RecordFieldNames.UrlLabel(record.Fields)));
    }

    /// <summary>
    /// The output of Get-MSecureRecord for one record: the record, a credential, or the value of
    /// <paramref name="field"/>: a field's label, else a name the record view shows (UserName,
    /// Url, Password, Notes; see <see cref="RecordFieldNames"/>), ignoring case.
    /// </summary>
    /// <exception cref="ModuleException">FieldNotFound, RecordHasNoCredential.</exception>
    /// <exception cref="MSecureException">SecretTooLong.</exception>
    internal static object Shape(Record record, string vaultPath, string? field, bool asCredential, bool asPlainText)
    {
        if (asCredential)
        {
            return CredentialOf(record);
        }

        if (field is null)
        {
            return From(record, vaultPath, asPlainText);
        }

        if (RecordFieldNames.Find(record, field) is { } found)
        {
            return ValueOf(found, asPlainText);
        }

        if (string.Equals(field, NotesName, StringComparison.OrdinalIgnoreCase))
        {
            return asPlainText ? record.Notes : NotesAsSecureString(record);
        }

        throw new ModuleException(ModuleErrorIds.FieldNotFound, ErrorCategory.ObjectNotFound,
            $"The record '{TerminalText.Of(record.Name)}' has no field '{TerminalText.Of(field)}'. Its fields are: {string.Join(", ", record.Fields.Select(f => TerminalText.Of(f.Label)))}; "
            + $"-Field also takes {RecordFieldNames.UserName}, {RecordFieldNames.Url}, {RecordFieldNames.Password} and {NotesName}.");
    }

    /// <summary>A PSCredential of the template's user name and password fields.</summary>
    /// <exception cref="ModuleException">RecordHasNoCredential: the template has no such fields, or the user name is empty.</exception>
    internal static PSCredential CredentialOf(Record record)
    {
        string? userNameLabel = RecordTemplates.UserNameLabel(record.Template);
        string? passwordLabel = RecordTemplates.PasswordLabel(record.Template);
        RecordField? userName = userNameLabel is null ? null : record.GetField(userNameLabel);
        RecordField? password = passwordLabel is null ? null : record.GetField(passwordLabel);
        if (userName is null || password is null || userName.Value.Length == 0)
        {
            string reason = userNameLabel is null || passwordLabel is null
                ? $"its template {record.Template} has no user name and password"
                : $"its {userNameLabel} or {passwordLabel} field is missing, or {userNameLabel} is empty";
            throw new ModuleException(ModuleErrorIds.RecordHasNoCredential, ErrorCategory.ObjectNotFound,
                $"The record '{TerminalText.Of(record.Name)}' cannot be a credential: {reason}.");
        }

        return new PSCredential(userName.Value, SecureStrings.FromSpan(password.Value));
    }

    /// <summary>The name -Field takes for the notes.</summary>
    internal const string NotesName = "Notes";

    /// <summary>A field's value: a SecureString for a secret field unless <paramref name="asPlainText"/>, else the String.</summary>
    internal static object ValueOf(RecordField field, bool asPlainText) =>
        field.IsSecret && !asPlainText ? SecureStrings.FromSpan(field.Value, $"The field '{TerminalText.Of(field.Label)}'") : field.Value;

    /// <summary>The value of the field labelled <paramref name="label"/> for the record views (UserName, Url): null when there is none, or when it is secret.</summary>
    private static string? ShownValue(Record record, string label) =>
        record.GetField(label) is { IsSecret: false } field ? field.Value : null;

    private static SecureString NotesAsSecureString(Record record)
    {
        SecureStringLimit.EnsureFits(record);
        return SecureStrings.FromSpan(record.Notes);
    }

    /// <summary>Whether <paramref name="record"/> meets the search criteria given with an exact name (as <see cref="RecordQuery"/> would judge).</summary>
    internal static bool Matches(Record record, RecordTemplate? template, string? tag, string? text) =>
        (template is not { } t || record.Template == t)
        && (string.IsNullOrEmpty(tag) || record.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(text) || ContainsText(record, text));

    private static bool ContainsText(Record record, string text) =>
        record.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || record.Notes.Contains(text, StringComparison.OrdinalIgnoreCase)
        || record.Tags.Any(tag => tag.Contains(text, StringComparison.OrdinalIgnoreCase))
        || record.Fields.Any(field => !field.IsSecret && field.Value.Contains(text, StringComparison.OrdinalIgnoreCase));
}
