using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.Bitwarden;

/// <summary>
/// Bitwarden's CSV export: a header row (<c>folder,favorite,type,name,notes,fields,reprompt,login_uri,
/// login_username,login_password,login_totp</c>; an organisation's starts with <c>collections</c>),
/// login and note items only, custom fields as <c>name: value</c> lines. Streams the file row by row.
/// </summary>
public sealed class BitwardenCsvFormat : IImportFormat
{
    /// <inheritdoc />
    public ImportFormat Format => ImportFormat.BitwardenCsv;

    /// <inheritdoc />
    public bool Recognizes(ImportSniff sniff)
    {
        ArgumentNullException.ThrowIfNull(sniff);
        string head = sniff.HeadText;
        int end = head.IndexOf('\n', StringComparison.Ordinal);
        string first = (end < 0 ? head : head[..end]).ToLowerInvariant();
        return first.Contains("login_uri", StringComparison.Ordinal) && first.Contains("login_password", StringComparison.Ordinal)
            && first.Contains("name", StringComparison.Ordinal) && first.Contains("type", StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public IEnumerable<ImportItem> Read(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadRows(input, cancellationToken);
    }

    private static IEnumerable<ImportItem> ReadRows(Stream input, CancellationToken cancellationToken)
    {
        Columns? columns = null;
        foreach (CsvRecord row in CsvRows.Read(input, cancellationToken))
        {
            if (columns is null)
            {
                columns = Columns.Of(row) ?? throw ImportInput.Invalid(input, "its first line is not Bitwarden's CSV header (name, type, login_uri, login_username, login_password…).");
                continue;
            }

            yield return ReadRow(row, columns);
        }
    }

    private static ImportItem ReadRow(CsvRecord row, Columns columns)
    {
        string type = Columns.Get(row, columns.Type).Trim();
        string userName = Columns.Get(row, columns.UserName);
        string password = Columns.Get(row, columns.Password);
        RecordTemplate template = type.ToLowerInvariant() switch
        {
            "login" => RecordTemplate.Login,
            "note" or "securenote" => RecordTemplate.SecureNote,
            _ => userName.Length > 0 || password.Length > 0 ? RecordTemplate.Login : RecordTemplate.SecureNote,
        };

        var builder = new ImportDraftBuilder(Columns.Get(row, columns.Name), template);
        if (type is not ("login" or "note"))
        {
            builder.Remark(string.Format(CultureInfo.InvariantCulture, "type '{0}' is not one Bitwarden's CSV has: imported as {1}", DisplayText.Neutralize(type.Length == 0 ? "(none)" : type), template));
        }

        builder.Notes = Columns.Get(row, columns.Notes);
        string favorite = Columns.Get(row, columns.Favorite).Trim();
        builder.IsFavorite = favorite is "1" || favorite.Equals("true", StringComparison.OrdinalIgnoreCase);
        builder.AddTag(Columns.Get(row, columns.Folder));
        foreach (string collection in Columns.Get(row, columns.Collections).Split(','))
        {
            builder.AddTag(collection);
        }

        if (template == RecordTemplate.Login)
        {
            builder.SetTemplateField("Username", userName);
            builder.SetTemplateField("Password", password);
            foreach (string uri in Columns.Get(row, columns.Uri).Split(','))
            {
                string address = uri.Trim();
                if (address.Length == 0)
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

            builder.SetOneTimePassword(Columns.Get(row, columns.Totp));
        }
        else
        {
            builder.AddField("Username", userName, FieldKind.Text);
            builder.AddField("Password", password, FieldKind.Secret);
            builder.AddField("Website", Columns.Get(row, columns.Uri), FieldKind.Url);
            builder.SetOneTimePassword(Columns.Get(row, columns.Totp));
        }

        foreach ((string name, string value) in CustomFields(Columns.Get(row, columns.Fields)))
        {
            builder.AddField(name, value, FieldKind.Text);
        }

        return builder.Build(ImportInput.Line(row.Line), type);
    }

    /// <summary>The <c>name: value</c> lines of the fields column; a line without ": " continues the value before it.</summary>
    internal static List<(string Name, string Value)> CustomFields(string cell)
    {
        var fields = new List<(string Name, string Value)>();
        if (cell.Length == 0)
        {
            return fields;
        }

        foreach (string line in cell.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0 && line.EndsWith(':'))
            {
                colon = line.Length - 1;
            }

            if (colon > 0)
            {
                fields.Add((line[..colon], colon + 2 <= line.Length ? line[(colon + 2)..] : string.Empty));
            }
            else if (fields.Count > 0)
            {
                (string name, string value) = fields[^1];
                fields[^1] = (name, value + "\n" + line);
            }
            else if (line.Length > 0)
            {
                fields.Add((ImportDraftBuilder.UnlabelledField, line));
            }
        }

        return fields;
    }

    /// <summary>Where each column is (-1 when absent).</summary>
    private sealed class Columns
    {
        internal int Folder { get; private init; } = -1;
        internal int Collections { get; private init; } = -1;
        internal int Favorite { get; private init; } = -1;
        internal int Type { get; private init; } = -1;
        internal int Name { get; private init; } = -1;
        internal int Notes { get; private init; } = -1;
        internal int Fields { get; private init; } = -1;
        internal int Uri { get; private init; } = -1;
        internal int UserName { get; private init; } = -1;
        internal int Password { get; private init; } = -1;
        internal int Totp { get; private init; } = -1;

        internal static string Get(CsvRecord row, int index) => index < 0 ? string.Empty : row[index];

        internal static Columns? Of(CsvRecord header)
        {
            int Find(string name) => Array.FindIndex(header.Cells, cell => string.Equals(cell.Trim(), name, StringComparison.OrdinalIgnoreCase));
            var columns = new Columns
            {
                Folder = Find("folder"),
                Collections = Find("collections"),
                Favorite = Find("favorite"),
                Type = Find("type"),
                Name = Find("name"),
                Notes = Find("notes"),
                Fields = Find("fields"),
                Uri = Find("login_uri"),
                UserName = Find("login_username"),
                Password = Find("login_password"),
                Totp = Find("login_totp"),
            };
            return columns.Name < 0 || columns.Uri < 0 || columns.Password < 0 ? null : columns;
        }
    }
}
