using System;
using System.Collections;
using System.Globalization;
using System.Security;
using MSecure.Core.Records;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Secrets;

namespace MSecure.PowerShell.SecretManagement;

/// <summary>
/// The record Set-Secret writes for each SecretManagement type (the reverse of <see cref="RecordSecrets"/>):
/// a PSCredential becomes a Login; a byte[], string or SecureString a Secure Note with the value in
/// a secret field and the type in <see cref="SecretMarker"/>; a Hashtable a marked Secure Note with
/// one field per entry (a SecureString value a secret field, a string a Text field).
/// </summary>
internal static class SecretDrafts
{
    /// <summary>The largest byte[] that fits, as base64, in a field (<see cref="RecordLimits.MaximumValueLength"/> characters).</summary>
    internal const int MaximumBytes = RecordLimits.MaximumValueLength / 4 * 3;

    /// <summary>The supported types, for messages.</summary>
    internal const string SupportedTypes = "byte[], string, SecureString, PSCredential, or a Hashtable whose values are string or SecureString";

    /// <summary>A string secret.</summary>
    internal static RecordDraft FromString(string name, string value) => Marked(name, SecretShape.String, value);

    /// <summary>A byte[] secret, as base64.</summary>
    /// <exception cref="SecretMappingException">SecretTypeUnsupported: larger than <see cref="MaximumBytes"/>.</exception>
    internal static RecordDraft FromBytes(string name, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaximumBytes)
        {
            throw new SecretMappingException(ModuleErrorIds.SecretTypeUnsupported, string.Format(CultureInfo.InvariantCulture,
                "The byte[] secret is {0:N0} bytes long; MSecure stores at most {1:N0} bytes in one secret (as base64 in a field of at most {2:N0} characters).",
                value.Length, MaximumBytes, RecordLimits.MaximumValueLength));
        }

        return Marked(name, SecretShape.ByteArray, Convert.ToBase64String(value));
    }

    /// <summary>A SecureString secret.</summary>
    internal static RecordDraft FromSecureString(string name, SecureString value) =>
        Marked(name, SecretShape.SecureString, SecureStrings.ToPlainText(value));

    /// <summary>A credential: a Login with the user name and password.</summary>
    internal static RecordDraft FromCredential(string name, string userName, SecureString password)
    {
        RecordDraft draft = RecordDraft.FromTemplate(name, RecordTemplate.Login);
        draft.SetField(RecordFieldNames.UserNameLabel(RecordTemplate.Login), userName);
        draft.SetField(RecordFieldNames.PasswordLabel(RecordTemplate.Login), SecureStrings.ToPlainText(password));
        return draft;
    }

    /// <summary>A Hashtable: its values (already unwrapped from PSObject) must be string or SecureString, its keys strings.</summary>
    /// <exception cref="SecretMappingException">SecretTypeUnsupported: another key or value type, or the marker's label as a key.</exception>
    internal static RecordDraft FromTable(string name, IDictionary table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var draft = new RecordDraft { Name = name, Template = RecordTemplate.SecureNote };
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is not string key)
            {
                throw Unsupported($"a Hashtable key of type {TypeName(entry.Key)}: keys are the field labels, so they must be strings.");
            }

            if (SecretMarker.IsMarkerLabel(key))
            {
                throw Unsupported($"the Hashtable key '{SecretMarker.Label}': MSecure uses that field to remember the secret's type.");
            }

            switch (entry.Value)
            {
                case string text:
                    draft.Fields.Add(new RecordField(key, FieldKind.Text, text));
                    break;
                case SecureString secret:
                    draft.Fields.Add(new RecordField(key, FieldKind.Secret, SecureStrings.ToPlainText(secret)));
                    break;
                default:
                    throw Unsupported($"the value of the Hashtable key '{Formatting.TerminalText.Of(key)}' is of type {TypeName(entry.Value)}: values must be string or SecureString.");
            }
        }

        draft.Fields.Add(new RecordField(SecretMarker.Label, FieldKind.Text, nameof(SecretShape.Hashtable)));
        return draft;
    }

    /// <summary>SecretTypeUnsupported for a secret of <paramref name="type"/>.</summary>
    internal static SecretMappingException UnsupportedType(string type) =>
        Unsupported($"a secret of type {type}. Types supported: {SupportedTypes}.");

    /// <summary>The type's name for a message, "null" for none.</summary>
    internal static string TypeName(object? value) => value?.GetType().FullName ?? "null";

    private static RecordDraft Marked(string name, SecretShape shape, string value)
    {
        var draft = new RecordDraft { Name = name, Template = RecordTemplate.SecureNote };
        draft.Fields.Add(new RecordField(SecretMarker.ValueLabel, FieldKind.Secret, value));
        draft.Fields.Add(new RecordField(SecretMarker.Label, FieldKind.Text, shape.ToString()));
        return draft;
    }

    private static SecretMappingException Unsupported(string what) =>
        new(ModuleErrorIds.SecretTypeUnsupported, "MSecure cannot store " + what);
}
