using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using CsvHelper;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer.Formats.OnePassword;

/// <summary>
/// 1Password's CSV export, read by its header row: 1Password 8 writes
/// <c>Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes</c> (every item as a
/// login-like row); 1Password 7 writes the columns the user chose, usually with a <c>Type</c>
/// column naming the category and one column per field ("card number", "verification number").
/// Columns are matched by name ignoring case, so their order does not matter.
/// </summary>
internal sealed class OnePasswordCsvFormat : IImportFormat
{
    private static readonly string[] TitleColumns = ["Title", "Name"];
    private static readonly string[] UrlColumns = ["Url", "Website", "Login URL", "URLs"];
    private static readonly string[] UserNameColumns = ["Username", "Login Username"];
    private static readonly string[] PasswordColumns = ["Password", "Login Password"];
    private static readonly string[] OneTimeColumns = ["OTPAuth", "One-time password", "One-Time Password", "TOTP"];
    private static readonly string[] NotesColumns = ["Notes", "notesPlain"];
    private static readonly string[] TypeColumns = ["Type", "Category"];
    private static readonly string[] TagsColumns = ["Tags"];
    private static readonly string[] FavoriteColumns = ["Favorite"];
    private static readonly string[] ArchivedColumns = ["Archived"];

    /// <inheritdoc/>
    public ImportFormat Format => ImportFormat.OnePasswordCsv;

    /// <inheritdoc/>
    public bool Recognizes(ImportSniff sniff)
    {
        ArgumentNullException.ThrowIfNull(sniff);
        var columns = new HashSet<string>(ImportCsv.FirstRow(sniff.HeadText), StringComparer.OrdinalIgnoreCase);
        bool oneTimeOrState = columns.Contains("OTPAuth") || columns.Contains("Archived") || columns.Contains("Favorite");
        bool typed = columns.Contains("Type") && (columns.Contains("Username") || columns.Contains("Password"));
        return columns.Contains("Title") && (oneTimeOrState || typed)
            && !columns.Contains("Group") && !columns.Contains("login_username");
    }

    /// <inheritdoc/>
    public IEnumerable<ImportItem> Read(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadRows(input, cancellationToken);
    }

    private static IEnumerable<ImportItem> ReadRows(Stream input, CancellationToken cancellationToken)
    {
        var malformed = new Queue<long>();
        using CsvReader reader = ImportCsv.Open(input, malformed);
        var columns = new Columns(ImportCsv.HeaderIndex(reader.Headers));
        if (columns.Title < 0)
        {
            throw ImportCsv.Invalid(input, "its header row has no Title column, so it is not a 1Password CSV export.");
        }

        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (malformed.TryDequeue(out long line))
            {
                yield return ImportItem.Failed(ImportCsv.Line(line), "its quoting is broken (a stray or unclosed quote)");
            }

            yield return ReadRow(reader, columns, reader.Headers);
        }

        while (malformed.TryDequeue(out long line))
        {
            yield return ImportItem.Failed(ImportCsv.Line(line), "its quoting is broken (a stray or unclosed quote)");
        }
    }

    private static ImportItem ReadRow(CsvReader reader, Columns columns, IReadOnlyList<string> headers)
    {
        string typeName = ImportCsv.Field(reader, columns.Type).Trim();
        string userName = ImportCsv.Field(reader, columns.UserName);
        string password = ImportCsv.Field(reader, columns.Password);
        string url = ImportCsv.Field(reader, columns.Url);
        string oneTime = ImportCsv.Field(reader, columns.OneTime);
        bool hasCredential = userName.Length > 0 || password.Length > 0;

        (string Name, RecordTemplate Template)? category = typeName.Length == 0 ? null : OnePasswordCategories.ByName(typeName);
        RecordTemplate template = category?.Template
            ?? OnePasswordCategories.Unknown(hasCredential || url.Length > 0 || oneTime.Length > 0);
        var entry = new ImportEntryBuilder(template, category?.Name ?? (typeName.Length > 0 ? typeName : "Login"));
        if (typeName.Length > 0 && category is null)
        {
            entry.Remark(OnePasswordCategories.UnknownRemark(typeName, template));
        }

        entry.Name = ImportCsv.Field(reader, columns.Title);
        entry.Set(RecordFieldNames.UserNameLabel(template), userName, FieldKind.Text);
        entry.Set(RecordFieldNames.PasswordLabel(template), password, FieldKind.Secret);
        entry.Set(UrlLabel(template), url, FieldKind.Url);
        entry.SetOneTimePassword(oneTime);
        entry.AddNotes(ImportCsv.Field(reader, columns.Notes));
        foreach (string tag in ImportCsv.Field(reader, columns.Tags).Split(','))
        {
            entry.AddTag(tag);
        }

        entry.IsFavorite = IsTrue(ImportCsv.Field(reader, columns.Favorite));
        if (IsTrue(ImportCsv.Field(reader, columns.Archived)))
        {
            entry.Remark("archived in 1Password");
        }

        for (int i = 0; i < headers.Count && i < reader.FieldCount; i++)
        {
            if (!columns.IsKnown(i))
            {
                string header = headers[i].Trim();
                string value = reader.GetString(i) ?? string.Empty;
                string? label = OnePasswordFields.LabelFor(template, header);
                if (label is not null)
                {
                    entry.Set(label, value, OnePasswordFields.GuessKind(header));
                }
                else
                {
                    entry.AddCustom(header, value, OnePasswordFields.GuessKind(header));
                }
            }
        }

        return entry.Build(ImportCsv.Line(reader.LineNumber));
    }

    /// <summary>The label a row's URL goes to: the template's web address field, else a custom "Website".</summary>
    internal static string UrlLabel(RecordTemplate template) => template switch
    {
        RecordTemplate.WirelessRouter => "RouterAddress",
        RecordTemplate.ServerDatabase => "Host",
        _ => RecordFieldNames.DefaultUrlLabel,
    };

    private static bool IsTrue(string value) =>
        value.Trim() is { Length: > 0 } v && (v == "1" || string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "yes", StringComparison.OrdinalIgnoreCase));

    /// <summary>The index of each column the reader knows (-1 when absent).</summary>
    private sealed class Columns
    {
        private readonly HashSet<int> _known = [];

        internal Columns(Dictionary<string, int> index)
        {
            Title = Find(index, TitleColumns);
            Url = Find(index, UrlColumns);
            UserName = Find(index, UserNameColumns);
            Password = Find(index, PasswordColumns);
            OneTime = Find(index, OneTimeColumns);
            Notes = Find(index, NotesColumns);
            Type = Find(index, TypeColumns);
            Tags = Find(index, TagsColumns);
            Favorite = Find(index, FavoriteColumns);
            Archived = Find(index, ArchivedColumns);
        }

        internal int Title { get; }

        internal int Url { get; }

        internal int UserName { get; }

        internal int Password { get; }

        internal int OneTime { get; }

        internal int Notes { get; }

        internal int Type { get; }

        internal int Tags { get; }

        internal int Favorite { get; }

        internal int Archived { get; }

        internal bool IsKnown(int column) => _known.Contains(column);

        private int Find(Dictionary<string, int> index, string[] names)
        {
            foreach (string name in names)
            {
                if (index.TryGetValue(name, out int column))
                {
                    _known.Add(column);
                    return column;
                }
            }

            return -1;
        }
    }
}
