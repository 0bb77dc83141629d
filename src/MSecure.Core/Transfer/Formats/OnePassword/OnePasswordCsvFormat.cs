using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
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
        var columns = new HashSet<string>(CsvHeader.FirstLine(sniff.HeadText), StringComparer.OrdinalIgnoreCase);
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
        Columns? columns = null;
        foreach (CsvRecord row in CsvRows.Read(input, cancellationToken))
        {
            if (columns is null)
            {
                columns = new Columns(CsvHeader.IndexOf(row), row.Cells);
                if (columns.Title < 0)
                {
                    throw ImportInput.Invalid(input, "its header row has no Title column, so it is not a 1Password CSV export.");
                }

                continue;
            }

            yield return ReadRow(row, columns);
        }
    }

    private static ImportItem ReadRow(CsvRecord row, Columns columns)
    {
        string typeName = Columns.Get(row, columns.Type).Trim();
        string userName = Columns.Get(row, columns.UserName);
        string password = Columns.Get(row, columns.Password);
        string url = Columns.Get(row, columns.Url);
        string oneTime = Columns.Get(row, columns.OneTime);
        bool hasCredential = userName.Length > 0 || password.Length > 0;

        (string Name, RecordTemplate Template)? category = typeName.Length == 0 ? null : OnePasswordCategories.ByName(typeName);
        RecordTemplate template = category?.Template
            ?? OnePasswordCategories.Unknown(hasCredential || url.Length > 0 || oneTime.Length > 0);
        var entry = new ImportDraftBuilder(Columns.Get(row, columns.Title), template);
        if (typeName.Length > 0 && category is null)
        {
            entry.Remark(OnePasswordCategories.UnknownRemark(typeName, template));
        }

        entry.Put(RecordFieldNames.UserNameLabel(template), userName, FieldKind.Text);
        entry.Put(RecordFieldNames.PasswordLabel(template), password, FieldKind.Secret);
        entry.Put(UrlLabel(template), url, FieldKind.Url);
        entry.SetOneTimePassword(oneTime);
        entry.Notes = Columns.Get(row, columns.Notes);
        foreach (string tag in Columns.Get(row, columns.Tags).Split(','))
        {
            entry.AddTag(tag);
        }

        entry.IsFavorite = IsTrue(Columns.Get(row, columns.Favorite));
        if (IsTrue(Columns.Get(row, columns.Archived)))
        {
            entry.Remark("archived in 1Password");
        }

        for (int i = 0; i < columns.Headers.Length && i < row.Cells.Length; i++)
        {
            if (!columns.IsKnown(i))
            {
                string header = columns.Headers[i].Trim();
                string? label = OnePasswordFields.LabelFor(template, header);
                if (label is not null && entry.IsTemplateFieldEmpty(label))
                {
                    entry.SetTemplateField(label, row[i]);
                }
                else
                {
                    entry.AddCustom(header, row[i], OnePasswordFields.GuessKind(header));
                }
            }
        }

        return entry.Build(ImportInput.Line(row.Line), category?.Name ?? (typeName.Length > 0 ? typeName : "Login"));
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

        internal Columns(Dictionary<string, int> index, string[] headers)
        {
            Headers = headers;
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

        internal string[] Headers { get; }

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

        /// <summary>The cell of <paramref name="column"/> (-1: absent column, empty).</summary>
        internal static string Get(CsvRecord row, int column) => column < 0 ? string.Empty : row[column];

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
