using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.Bitwarden;

/// <summary>Maps one item of a Bitwarden JSON export onto a record (ARCHITECTURE 19.2).</summary>
internal static class BitwardenItemReader
{
    /// <summary>The entry of <paramref name="item"/>; <paramref name="folders"/> maps folder and collection ids to names.</summary>
    internal static ImportItem Read(JsonElement item, string location, IReadOnlyDictionary<string, string> folders)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return ImportItem.Failed(location, "the item is not a JSON object.");
        }

        int type = Int(item, "type") ?? BitwardenMarkers.Login;
        string sourceKind = KindName(type);
        RecordTemplate template = type switch
        {
            BitwardenMarkers.Login => RecordTemplate.Login,
            BitwardenMarkers.Card => RecordTemplate.CreditCard,
            BitwardenMarkers.Identity => RecordTemplate.Identity,
            _ => RecordTemplate.SecureNote,
        };

        bool templateMarked = false;
        if (type == BitwardenMarkers.SecureNote && MarkedTemplate(item) is { } marked)
        {
            template = marked;
            templateMarked = true;
        }

        var builder = new ImportDraftBuilder(Str(item, "name"), template);
        builder.Notes = Str(item, "notes") ?? string.Empty;
        builder.IsFavorite = item.TryGetProperty("favorite", out JsonElement favorite) && favorite.ValueKind == JsonValueKind.True;
        AddFolders(item, folders, builder);
        switch (type)
        {
            case BitwardenMarkers.Login:
                ReadLogin(item, builder);
                break;
            case BitwardenMarkers.Card:
                ReadCard(item, builder);
                break;
            case BitwardenMarkers.Identity:
                ReadIdentity(item, builder);
                break;
            case BitwardenMarkers.SshKey:
                ReadSshKey(item, builder);
                break;
            case BitwardenMarkers.SecureNote:
                break;
            default:
                builder.Remark(string.Format(CultureInfo.InvariantCulture, "item type {0} is not one Bitwarden documents: imported as SecureNote", type));
                break;
        }

        ReadFields(item, builder, templateMarked);
        ReadHistoryAndAttachments(item, builder);
        return builder.Build(location, sourceKind);
    }

    /// <summary>Bitwarden's name of item type <paramref name="type"/>.</summary>
    internal static string KindName(int type) => type switch
    {
        BitwardenMarkers.Login => "login",
        BitwardenMarkers.SecureNote => "secureNote",
        BitwardenMarkers.Card => "card",
        BitwardenMarkers.Identity => "identity",
        BitwardenMarkers.SshKey => "sshKey",
        _ => "type " + type.ToString(CultureInfo.InvariantCulture),
    };

    private static void ReadLogin(JsonElement item, ImportDraftBuilder builder)
    {
        if (!item.TryGetProperty("login", out JsonElement login) || login.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        builder.SetTemplateField("Username", Str(login, "username"));
        builder.SetTemplateField("Password", Str(login, "password"));
        if (login.TryGetProperty("uris", out JsonElement uris) && uris.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement uri in uris.EnumerateArray())
            {
                string? address = uri.ValueKind == JsonValueKind.Object ? Str(uri, "uri") : null;
                if (string.IsNullOrEmpty(address))
                {
                    continue;
                }

                if (builder.IsTemplateFieldEmpty(RecordFieldNames.DefaultUrlLabel))
                {
                    builder.SetTemplateField(RecordFieldNames.DefaultUrlLabel, address);
                }
                else
                {
                    builder.AddCustomField(RecordFieldNames.DefaultUrlLabel, FieldKind.Url, address);
                }
            }
        }

        builder.SetOneTimePassword(Str(login, "totp"));
        if (login.TryGetProperty("fido2Credentials", out JsonElement passkeys) && passkeys.ValueKind == JsonValueKind.Array && passkeys.GetArrayLength() > 0)
        {
            builder.Remark(string.Format(CultureInfo.InvariantCulture, "{0} passkey(s) skipped (a passkey cannot be moved between managers)", passkeys.GetArrayLength()));
        }
    }

    private static void ReadCard(JsonElement item, ImportDraftBuilder builder)
    {
        if (!item.TryGetProperty("card", out JsonElement card) || card.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        builder.SetTemplateField("NameOnCard", Str(card, "cardholderName"));
        builder.SetTemplateField("CardType", Str(card, "brand"));
        builder.SetTemplateField("CardNumber", Str(card, "number"));
        builder.SetTemplateField("ExpirationDate", Expiration(Str(card, "expMonth"), Str(card, "expYear")));
        builder.SetTemplateField("SecurityCode", Str(card, "code"));
    }

    /// <summary>"MM/YYYY" from Bitwarden's month and year (either may be missing).</summary>
    internal static string? Expiration(string? month, string? year)
    {
        month = month?.Trim();
        year = year?.Trim();
        if (string.IsNullOrEmpty(month))
        {
            return string.IsNullOrEmpty(year) ? null : year;
        }

        if (month.Length == 1)
        {
            month = "0" + month;
        }

        return string.IsNullOrEmpty(year) ? month : month + "/" + year;
    }

    private static readonly (string Property, string Label, FieldKind Kind)[] IdentityFields =
    [
        ("firstName", "FirstName", FieldKind.Text),
        ("lastName", "LastName", FieldKind.Text),
        ("email", "Email", FieldKind.Email),
        ("phone", "Phone", FieldKind.Phone),
        ("address1", "Address", FieldKind.Text),
        ("city", "City", FieldKind.Text),
        ("state", "State", FieldKind.Text),
        ("postalCode", "PostalCode", FieldKind.Text),
        ("country", "Country", FieldKind.Text),
        ("title", "Title", FieldKind.Text),
        ("middleName", "Middle Name", FieldKind.Text),
        ("address2", "Address 2", FieldKind.Text),
        ("address3", "Address 3", FieldKind.Text),
        ("company", "Company", FieldKind.Text),
        ("username", "Username", FieldKind.Text),
        ("ssn", "SSN", FieldKind.Secret),
        ("passportNumber", "Passport Number", FieldKind.Secret),
        ("licenseNumber", "License Number", FieldKind.Secret),
    ];

    /// <summary>Bitwarden's identity properties and the labels they get (template fields first, then custom fields).</summary>
    internal static IReadOnlyList<(string Property, string Label, FieldKind Kind)> IdentityMap => IdentityFields;

    private static void ReadIdentity(JsonElement item, ImportDraftBuilder builder)
    {
        if (!item.TryGetProperty("identity", out JsonElement identity) || identity.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach ((string property, string label, FieldKind kind) in IdentityFields)
        {
            string? value = Str(identity, property);
            if (RecordTemplates.KindOf(RecordTemplate.Identity, label) is not null)
            {
                builder.SetTemplateField(label, value);
            }
            else if (!string.IsNullOrEmpty(value))
            {
                builder.AddCustomField(label, kind, value);
            }
        }
    }

    private static void ReadSshKey(JsonElement item, ImportDraftBuilder builder)
    {
        if (!item.TryGetProperty("sshKey", out JsonElement key) || key.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        AddIfAny(builder, "Private Key", FieldKind.Secret, Str(key, "privateKey"));
        AddIfAny(builder, "Public Key", FieldKind.Text, Str(key, "publicKey"));
        AddIfAny(builder, "Key Fingerprint", FieldKind.Text, Str(key, "keyFingerprint"));
    }

    private static void ReadFields(JsonElement item, ImportDraftBuilder builder, bool templateMarked)
    {
        if (!item.TryGetProperty("fields", out JsonElement fields) || fields.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (JsonElement field in fields.EnumerateArray())
        {
            if (field.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            string name = Str(field, "name") ?? string.Empty;
            int type = Int(field, "type") ?? BitwardenMarkers.TextField;
            string? value = Str(field, "value");
            if (templateMarked && string.Equals(name, BitwardenMarkers.TemplateField, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (string.Equals(name, BitwardenMarkers.TagsField, StringComparison.OrdinalIgnoreCase) && type == BitwardenMarkers.TextField)
            {
                foreach (string tag in (value ?? string.Empty).Split('\n'))
                {
                    builder.AddTag(tag);
                }

                continue;
            }

            if (type == BitwardenMarkers.LinkedField)
            {
                builder.Remark(string.Format(CultureInfo.InvariantCulture, "linked field '{0}' skipped (it holds no value, only points at another field)", DisplayText.Neutralize(name)));
                continue;
            }

            builder.AddField(name, value, type == BitwardenMarkers.HiddenField ? FieldKind.Secret : FieldKind.Text);
        }
    }

    private static void ReadHistoryAndAttachments(JsonElement item, ImportDraftBuilder builder)
    {
        if (item.TryGetProperty("passwordHistory", out JsonElement history) && history.ValueKind == JsonValueKind.Array && history.GetArrayLength() > 0)
        {
            builder.Remark(string.Format(CultureInfo.InvariantCulture, "password history of {0} entries not imported (history starts with this import)", history.GetArrayLength()));
        }

        if (item.TryGetProperty("attachments", out JsonElement attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement attachment in attachments.EnumerateArray())
            {
                builder.AttachmentSkipped(attachment.ValueKind == JsonValueKind.Object ? Str(attachment, "fileName") : null);
            }
        }
    }

    private static void AddFolders(JsonElement item, IReadOnlyDictionary<string, string> folders, ImportDraftBuilder builder)
    {
        if (Str(item, "folderId") is { } folderId && folders.TryGetValue(folderId, out string? folder))
        {
            builder.AddTag(folder);
        }

        if (item.TryGetProperty("collectionIds", out JsonElement collections) && collections.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement id in collections.EnumerateArray())
            {
                if (id.ValueKind == JsonValueKind.String && folders.TryGetValue(id.GetString()!, out string? collection))
                {
                    builder.AddTag(collection);
                }
            }
        }
    }

    /// <summary>The template a secure note's "MSecure template" field names, if any.</summary>
    private static RecordTemplate? MarkedTemplate(JsonElement item)
    {
        if (!item.TryGetProperty("fields", out JsonElement fields) || fields.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (JsonElement field in fields.EnumerateArray())
        {
            if (field.ValueKind == JsonValueKind.Object && string.Equals(Str(field, "name"), BitwardenMarkers.TemplateField, StringComparison.OrdinalIgnoreCase))
            {
                return MSecureTemplateName(Str(field, "value"));
            }
        }

        return null;
    }

    private static RecordTemplate? MSecureTemplateName(string? value) =>
        Enum.TryParse(value, ignoreCase: true, out RecordTemplate template) && Enum.IsDefined(template) && !char.IsAsciiDigit(value![0]) ? template : null;

    private static void AddIfAny(ImportDraftBuilder builder, string label, FieldKind kind, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            builder.AddCustomField(label, kind, value);
        }
    }

    /// <summary>A string property (numbers and booleans as their JSON text), or null.</summary>
    internal static string? Str(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) ? number
        : element.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number) ? number
        : null;
}
