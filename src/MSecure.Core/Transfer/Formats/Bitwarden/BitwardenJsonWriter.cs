using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.Bitwarden;

/// <summary>
/// Writes Bitwarden's unencrypted JSON export, one item at a time (ARCHITECTURE 19.2): Login,
/// CreditCard, Identity and SecureNote map onto Bitwarden's login, card, identity and secure note;
/// the other templates become secure notes with an "MSecure template" field; the first tag is the
/// folder and every tag is kept in an "MSecure tags" field when there are several. Folders are
/// written after the items (their ids are derived from their names).
/// </summary>
internal sealed partial class BitwardenJsonWriter : IRecordExportWriter
{
    private readonly Utf8JsonWriter _json;
    private readonly SortedDictionary<string, string> _folders = new(StringComparer.Ordinal);

    /// <summary>Starts the document on <paramref name="output"/> (left open).</summary>
    internal BitwardenJsonWriter(Stream output)
    {
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteBoolean("encrypted", false);
        _json.WriteStartArray("items");
    }

    /// <inheritdoc />
    public void Write(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        _json.WriteStartObject();
        _json.WriteString("id", record.Id);
        _json.WriteNull("organizationId");
        if (record.Tags.Count > 0)
        {
            _json.WriteString("folderId", FolderId(record.Tags[0]));
        }
        else
        {
            _json.WriteNull("folderId");
        }

        int type = record.Template switch
        {
            RecordTemplate.Login => BitwardenMarkers.Login,
            RecordTemplate.CreditCard => BitwardenMarkers.Card,
            RecordTemplate.Identity => BitwardenMarkers.Identity,
            _ => BitwardenMarkers.SecureNote,
        };
        _json.WriteNumber("type", type);
        _json.WriteNumber("reprompt", 0);
        _json.WriteString("name", record.Name);
        WriteStringOrNull("notes", record.Notes);
        _json.WriteBoolean("favorite", record.IsFavorite);
        switch (record.Template)
        {
            case RecordTemplate.Login:
                WriteLogin(record, used);
                break;
            case RecordTemplate.CreditCard:
                WriteCard(record, used);
                break;
            case RecordTemplate.Identity:
                WriteIdentity(record, used);
                break;
            default:
                _json.WriteStartObject("secureNote");
                _json.WriteNumber("type", 0);
                _json.WriteEndObject();
                break;
        }

        WriteFields(record, used);
        _json.WriteNull("collectionIds");
        _json.WriteString("revisionDate", Timestamp(record.ModifiedAt));
        _json.WriteString("creationDate", Timestamp(record.CreatedAt));
        _json.WriteNull("deletedDate");
        _json.WriteNull("passwordHistory");
        _json.WriteEndObject();
        if (_json.BytesPending > 64 * 1024)
        {
            _json.Flush();
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        _json.WriteEndArray();
        _json.WriteStartArray("folders");
        foreach ((string name, string id) in _folders)
        {
            _json.WriteStartObject();
            _json.WriteString("id", id);
            _json.WriteString("name", name);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();

    private void WriteLogin(Record record, HashSet<string> used)
    {
        _json.WriteStartObject("login");
        _json.WriteStartArray("uris");
        if (Take(record, "Website", used) is { Length: > 0 } website)
        {
            _json.WriteStartObject();
            _json.WriteNull("match");
            _json.WriteString("uri", website);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        WriteStringOrNull("username", Take(record, "Username", used));
        WriteStringOrNull("password", Take(record, "Password", used));
        WriteStringOrNull("totp", Take(record, "OneTimePassword", used));
        _json.WriteEndObject();
    }

    private void WriteCard(Record record, HashSet<string> used)
    {
        _json.WriteStartObject("card");
        WriteStringOrNull("cardholderName", Take(record, "NameOnCard", used));
        WriteStringOrNull("brand", Take(record, "CardType", used));
        WriteStringOrNull("number", Take(record, "CardNumber", used));
        string? expiration = record.GetField("ExpirationDate")?.Value;
        Match match = expiration is null ? Match.Empty : MonthYear().Match(expiration);
        if (match.Success)
        {
            used.Add("ExpirationDate");
            _json.WriteString("expMonth", int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            _json.WriteString("expYear", match.Groups[2].Value);
        }
        else
        {
            _json.WriteNull("expMonth");
            _json.WriteNull("expYear");
        }

        WriteStringOrNull("code", Take(record, "SecurityCode", used));
        _json.WriteEndObject();
    }

    private void WriteIdentity(Record record, HashSet<string> used)
    {
        _json.WriteStartObject("identity");
        foreach ((string property, string label, FieldKind _) in BitwardenItemReader.IdentityMap)
        {
            WriteStringOrNull(property, RecordTemplates.KindOf(RecordTemplate.Identity, label) is null ? null : Take(record, label, used));
        }

        _json.WriteEndObject();
    }

    private void WriteFields(Record record, HashSet<string> used)
    {
        _json.WriteStartArray("fields");
        if (record.Template is not (RecordTemplate.Login or RecordTemplate.CreditCard or RecordTemplate.Identity or RecordTemplate.SecureNote))
        {
            WriteField(BitwardenMarkers.TemplateField, record.Template.ToString(), BitwardenMarkers.TextField);
        }

        foreach (RecordField field in record.Fields)
        {
            if (field.Value.Length > 0 && !used.Contains(field.Label))
            {
                WriteField(field.Label, field.Value, field.IsSecret ? BitwardenMarkers.HiddenField : BitwardenMarkers.TextField);
            }
        }

        if (record.Tags.Count > 1)
        {
            WriteField(BitwardenMarkers.TagsField, string.Join('\n', record.Tags), BitwardenMarkers.TextField);
        }

        _json.WriteEndArray();
    }

    private void WriteField(string name, string value, int type)
    {
        _json.WriteStartObject();
        _json.WriteString("name", name);
        _json.WriteString("value", value);
        _json.WriteNumber("type", type);
        _json.WriteNull("linkedId");
        _json.WriteEndObject();
    }

    private void WriteStringOrNull(string property, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            _json.WriteNull(property);
        }
        else
        {
            _json.WriteString(property, value);
        }
    }

    private static string? Take(Record record, string label, HashSet<string> used)
    {
        RecordField? field = record.GetField(label);
        if (field is null || RecordTemplates.KindOf(record.Template, label) is null)
        {
            return null;
        }

        used.Add(field.Label);
        return field.Value;
    }

    private string FolderId(string name)
    {
        if (!_folders.TryGetValue(name, out string? id))
        {
            byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes("MSecure folder\0" + name));
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            id = new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
            _folders[name] = id;
        }

        return id;
    }

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{2})/(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();
}
