using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats;

/// <summary>
/// Field placement for readers that know which template field a value belongs to (a 1Password
/// field id, a KeePass standard string): the template's field when the template has it, else a
/// custom field of the kind the source gave it, so a password on a secure note stays a secret.
/// </summary>
internal static class ImportDraftBuilderFields
{
    /// <summary>Puts <paramref name="value"/> in the template field <paramref name="label"/>, or a custom field of <paramref name="kind"/> when the template has none; empty values change nothing.</summary>
    internal static void Put(this ImportDraftBuilder builder, string label, string? value, FieldKind kind)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (RecordTemplates.KindOf(builder.Template, label) is not null)
        {
            builder.SetTemplateField(label, value);
        }
        else
        {
            builder.AddCustomField(label, kind, value);
        }
    }

    /// <summary>Adds a custom field unless <paramref name="value"/> is empty.</summary>
    internal static void AddCustom(this ImportDraftBuilder builder, string label, string? value, FieldKind kind)
    {
        if (!string.IsNullOrEmpty(value))
        {
            builder.AddCustomField(label, kind, value);
        }
    }
}
