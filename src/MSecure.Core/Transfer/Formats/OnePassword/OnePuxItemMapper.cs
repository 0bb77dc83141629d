using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.OnePassword;

/// <summary>
/// Maps one 1PUX item onto a record: overview (title, urls, tags), details.loginFields (by
/// designation), details.password, details.notesPlain, details.sections[].fields[] (by field id,
/// else a custom field whose kind follows the value's kind: concealed => Secret, totp => the
/// one-time password seed, date/monthYear => dates), documents and file fields (reported as
/// skipped attachments) and password history (counted in a remark).
/// </summary>
internal static class OnePuxItemMapper
{
    /// <summary>The record of <paramref name="item"/>, in vault <paramref name="vaultName"/>, at <paramref name="location"/>.</summary>
    internal static ImportItem Map(JsonElement item, string? vaultName, string location)
    {
        string categoryId = String(item, "categoryUuid") ?? string.Empty;
        JsonElement details = Object(item, "details");
        JsonElement overview = Object(item, "overview");
        (string Name, RecordTemplate Template)? category = OnePasswordCategories.ById(categoryId);
        RecordTemplate template = category?.Template ?? OnePasswordCategories.Unknown(HasCredential(details));
        var entry = new ImportDraftBuilder(String(overview, "title"), template);
        if (category is null)
        {
            entry.Remark(OnePasswordCategories.UnknownRemark(categoryId, template));
        }

        entry.AddTag(vaultName);
        foreach (JsonElement tag in Array(overview, "tags"))
        {
            entry.AddTag(tag.ValueKind == JsonValueKind.String ? tag.GetString() : null);
        }

        entry.IsFavorite = item.TryGetProperty("favIndex", out JsonElement favorite) && favorite.ValueKind == JsonValueKind.Number && favorite.GetDouble() > 0;
        if (String(item, "state") == "archived")
        {
            entry.Remark("archived in 1Password");
        }

        if (item.TryGetProperty("trashed", out JsonElement trashed) && trashed.ValueKind == JsonValueKind.True)
        {
            entry.Remark("in 1Password's trash");
        }

        MapUrls(entry, overview);
        MapLoginFields(entry, details);
        entry.Put(RecordFieldNames.PasswordLabel(template), String(details, "password"), FieldKind.Secret);
        entry.Notes = String(details, "notesPlain") ?? string.Empty;
        if (details.ValueKind == JsonValueKind.Object && details.TryGetProperty("documentAttributes", out JsonElement document))
        {
            entry.AttachmentSkipped(String(document, "fileName"));
        }

        foreach (JsonElement section in Array(details, "sections"))
        {
            foreach (JsonElement field in Array(section, "fields"))
            {
                MapSectionField(entry, field, String(section, "title"));
            }
        }

        int history = 0;
        foreach (JsonElement _ in Array(details, "passwordHistory"))
        {
            history++;
        }

        if (history > 0)
        {
            entry.Remark(string.Create(CultureInfo.InvariantCulture, $"{history} earlier password(s) in 1Password's history not imported"));
        }

        return entry.Build(location, categoryId);
    }

    private static bool HasCredential(JsonElement details)
    {
        if (!string.IsNullOrEmpty(String(details, "password")))
        {
            return true;
        }

        foreach (JsonElement field in Array(details, "loginFields"))
        {
            if (String(field, "designation") is "username" or "password" && !string.IsNullOrEmpty(String(field, "value")))
            {
                return true;
            }
        }

        return false;
    }

    private static void MapUrls(ImportDraftBuilder entry, JsonElement overview)
    {
        string urlLabel = OnePasswordCsvFormat.UrlLabel(entry.Template);
        string? main = String(overview, "url");
        entry.Put(urlLabel, main, FieldKind.Url);
        foreach (JsonElement url in Array(overview, "urls"))
        {
            string? value = String(url, "url");
            if (!string.IsNullOrEmpty(value) && !string.Equals(value, main, StringComparison.Ordinal))
            {
                string? label = String(url, "label");
                string target = string.IsNullOrWhiteSpace(label) ? urlLabel : label;
                if (entry.IsTemplateFieldEmpty(target))
                {
                    entry.SetTemplateField(target, value);
                }
                else
                {
                    entry.AddCustom(target, value, FieldKind.Url);
                }
            }
        }
    }

    private static void MapLoginFields(ImportDraftBuilder entry, JsonElement details)
    {
        foreach (JsonElement field in Array(details, "loginFields"))
        {
            string? value = field.TryGetProperty("value", out JsonElement raw) ? Text(raw) : null;
            switch (String(field, "designation"))
            {
                case "username":
                    entry.Put(RecordFieldNames.UserNameLabel(entry.Template), value, FieldKind.Text);
                    continue;
                case "password":
                    entry.Put(RecordFieldNames.PasswordLabel(entry.Template), value, FieldKind.Secret);
                    continue;
            }

            string label = FirstNonBlank(String(field, "name"), String(field, "id")) ?? "Field";
            FieldKind kind = String(field, "fieldType") switch
            {
                "P" => FieldKind.Secret,
                "E" => FieldKind.Email,
                "U" => FieldKind.Url,
                "TEL" => FieldKind.Phone,
                "A" => FieldKind.Note,
                _ => FieldKind.Text,
            };
            entry.AddCustom(label, value, kind);
        }
    }

    private static void MapSectionField(ImportDraftBuilder entry, JsonElement field, string? sectionTitle)
    {
        if (!field.TryGetProperty("value", out JsonElement value) || value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        string? id = String(field, "id");
        string title = FirstNonBlank(String(field, "title"), id, sectionTitle) ?? "Field";
        foreach (JsonProperty kindAndValue in value.EnumerateObject())
        {
            MapValue(entry, id, title, kindAndValue.Name, kindAndValue.Value);
        }
    }

    private static void MapValue(ImportDraftBuilder entry, string? id, string title, string kind, JsonElement value)
    {
        switch (kind)
        {
            case "totp":
                entry.SetOneTimePassword(Text(value));
                return;
            case "file":
                entry.AttachmentSkipped(String(value, "fileName"));
                return;
            case "address":
                MapAddress(entry, title, value);
                return;
            case "email":
                SetField(entry, id, title, value.ValueKind == JsonValueKind.Object ? String(value, "email_address") : Text(value), FieldKind.Email);
                return;
            case "sshKey":
                JsonElement metadata = Object(value, "metadata");
                entry.AddCustom("Private Key", FirstNonBlank(String(metadata, "privateKey"), String(value, "privateKey")), FieldKind.Secret);
                entry.AddCustom("Public Key", String(metadata, "publicKey"), FieldKind.Text);
                entry.AddCustom("Fingerprint", String(metadata, "fingerprint"), FieldKind.Text);
                entry.AddCustom("Key Type", String(metadata, "keyType"), FieldKind.Text);
                return;
            case "date":
                SetField(entry, id, title, value.ValueKind == JsonValueKind.Number
                    ? DateTimeOffset.FromUnixTimeSeconds(value.GetInt64()).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : Text(value), FieldKind.Date);
                return;
            case "monthYear":
                SetField(entry, id, title, MonthYear(value), FieldKind.Date);
                return;
        }

        FieldKind fieldKind = kind switch
        {
            "concealed" or "creditCardNumber" => FieldKind.Secret,
            "url" => FieldKind.Url,
            "phone" => FieldKind.Phone,
            _ => FieldKind.Text,
        };

        // A value kind this reader does not know is kept whole (as its JSON), hidden in case it is secret.
        string? text = value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? value.GetRawText() : Text(value);
        SetField(entry, id, title, text, value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? FieldKind.Secret : fieldKind);
    }

    /// <summary>Fills the template field the 1Password field maps to (by id, then title), else adds a custom field.</summary>
    private static void SetField(ImportDraftBuilder entry, string? id, string title, string? value, FieldKind kind)
    {
        string? label = OnePasswordFields.LabelFor(entry.Template, id) ?? OnePasswordFields.LabelFor(entry.Template, title);
        if (label is not null && entry.IsTemplateFieldEmpty(label))
        {
            entry.SetTemplateField(label, value);
        }
        else
        {
            entry.AddCustom(title, value, kind);
        }
    }

    private static void MapAddress(ImportDraftBuilder entry, string title, JsonElement address)
    {
        if (address.ValueKind != JsonValueKind.Object)
        {
            entry.AddCustom(title, Text(address), FieldKind.Text);
            return;
        }

        string? street = String(address, "street");
        string? city = String(address, "city");
        string? state = String(address, "state");
        string? zip = String(address, "zip");
        string? country = String(address, "country");
        if (entry.Template == RecordTemplate.Identity && entry.IsTemplateFieldEmpty("Address"))
        {
            entry.SetTemplateField("Address", street);
            entry.SetTemplateField("City", city);
            entry.SetTemplateField("State", state);
            entry.SetTemplateField("PostalCode", zip);
            entry.SetTemplateField("Country", country);
            return;
        }

        var joined = new StringBuilder();
        foreach (string? part in new[] { street, city, state, zip, country })
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                joined.Append(joined.Length > 0 ? ", " : string.Empty).Append(part);
            }
        }

        entry.AddCustom(title, joined.ToString(), FieldKind.Text);
    }

    /// <summary>A monthYear (yyyymm, as 202712) as "12/2027".</summary>
    private static string? MonthYear(JsonElement value)
    {
        string? text = Text(value);
        return text is { Length: 6 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? string.Create(CultureInfo.InvariantCulture, $"{text[4..]}/{text[..4]}")
            : text;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) ? Text(value) : null;

    private static JsonElement Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : default;

    private static string? FirstNonBlank(params string?[] candidates)
    {
        foreach (string? candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
