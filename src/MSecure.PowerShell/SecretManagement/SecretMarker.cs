using System;
using MSecure.Core.Records;

namespace MSecure.PowerShell.SecretManagement;

/// <summary>
/// How Set-Secret keeps the SecretManagement type of a byte[], string, SecureString or Hashtable
/// secret, so that Get-Secret gives back exactly that type: the record is a Secure Note with a
/// non-secret Text field <see cref="Label"/> holding the type's name, and (for the first three)
/// the value in the secret field <see cref="ValueLabel"/> (a byte[] as base64).
/// </summary>
internal static class SecretMarker
{
    /// <summary>The label of the non-secret field naming the type.</summary>
    internal const string Label = "SecretManagementType";

    /// <summary>The label of the secret field holding a byte[], string or SecureString value.</summary>
    internal const string ValueLabel = "Secret";

    /// <summary>The type the record's marker names, or null when it has no valid marker.</summary>
    internal static SecretShape? Of(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Template != RecordTemplate.SecureNote || record.GetField(Label) is not { Kind: FieldKind.Text } marker)
        {
            return null;
        }

        SecretShape? shape = marker.Value switch
        {
            nameof(SecretShape.ByteArray) => SecretShape.ByteArray,
            nameof(SecretShape.String) => SecretShape.String,
            nameof(SecretShape.SecureString) => SecretShape.SecureString,
            nameof(SecretShape.Hashtable) => SecretShape.Hashtable,
            _ => null,
        };
        bool hasValue = shape == SecretShape.Hashtable || record.GetField(ValueLabel) is { IsSecret: true };
        return hasValue ? shape : null;
    }

    /// <summary>Whether <paramref name="label"/> is the marker's label (ignoring case), which a Hashtable key may not use.</summary>
    internal static bool IsMarkerLabel(string label) => string.Equals(label, Label, StringComparison.OrdinalIgnoreCase);
}
