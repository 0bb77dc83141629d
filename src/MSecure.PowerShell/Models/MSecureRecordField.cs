using System.Globalization;
using System.Security;

namespace MSecure.PowerShell.Models;

/// <summary>
/// One labelled value of a record. The value of a secret field (password, PIN, one-time
/// password seed) is a SecureString unless the record was read with -AsPlainText; the default
/// views and <see cref="ToString"/> never show it either way.
/// </summary>
public sealed class MSecureRecordField
{
    internal MSecureRecordField(string label, string kind, bool isSecret, object value)
    {
        Label = label;
        Kind = kind;
        IsSecret = isSecret;
        Value = value;
    }

    /// <summary>The field's label, unique in its record ignoring case.</summary>
    public string Label { get; }

    /// <summary>What the field holds: Text, Secret, Url, Email, Phone, Date, Pin, Note or OneTimePasswordSeed.</summary>
    public string Kind { get; }

    /// <summary>Whether the value is secret.</summary>
    public bool IsSecret { get; }

    /// <summary>The value: a SecureString for a secret field (a String with -AsPlainText), else a String.</summary>
    public object Value { get; }

    /// <summary>Label, kind and value, control characters neutralised; a secret value shows as asterisks.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} ({1}): {2}", Formatting.TerminalText.Of(Label), Kind, IsSecret || Value is SecureString ? "********" : Formatting.TerminalText.Safe(Value));
}
