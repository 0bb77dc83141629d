using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace MSecure.Core.Transfer.Formats.KeePass;

/// <summary>
/// KeePassXC's CSV export: <c>"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"</c>
/// (KeePassXC 2.6 and later; earlier versions stop after Notes), every value quoted. Group is
/// the full path from the root group ("Passwords/Work/Cloud"); the root's name is dropped, as in
/// the XML. TOTP is an otpauth URI. Icon and the two dates describe the entry in KeePassXC and
/// are not imported; any other column (a later KeePassXC's Tags, or one added by hand) is read
/// by name: Tags as tags, the rest as custom fields. Entries of the "Recycle Bin" group right
/// under the root (KeePassXC's recycle bin, which the CSV cannot otherwise tell apart) are
/// deleted ones and are not imported, as in the XML.
/// </summary>
internal sealed class KeePassXcCsvFormat : IImportFormat
{
    private const string RecycleBin = "Recycle Bin";

    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase) { "Icon", "Last Modified", "Created" };

    /// <inheritdoc/>
    public ImportFormat Format => ImportFormat.KeePassXcCsv;

    /// <inheritdoc/>
    public bool Recognizes(ImportSniff sniff)
    {
        ArgumentNullException.ThrowIfNull(sniff);
        IReadOnlyList<string> columns = CsvHeader.FirstLine(sniff.HeadText);
        string[] expected = ["Group", "Title", "Username", "Password", "URL", "Notes"];
        if (columns.Count < expected.Length)
        {
            return false;
        }

        for (int i = 0; i < expected.Length; i++)
        {
            if (!string.Equals(columns[i], expected[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public IEnumerable<ImportItem> Read(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadRows(input, cancellationToken);
    }

    private static IEnumerable<ImportItem> ReadRows(Stream input, CancellationToken cancellationToken)
    {
        string[]? headers = null;
        int group = -1;
        foreach (CsvRecord row in CsvRows.Read(input, cancellationToken))
        {
            if (headers is null)
            {
                Dictionary<string, int> index = CsvHeader.IndexOf(row);
                if (!index.ContainsKey("Title") || !index.TryGetValue("Group", out group))
                {
                    throw ImportInput.Invalid(input, "its header row has no Group and Title columns, so it is not a KeePassXC CSV export.");
                }

                headers = row.Cells;
                continue;
            }

            if (!InRecycleBin(row[group]))
            {
                yield return ReadRow(row, headers);
            }
        }
    }

    private static bool InRecycleBin(string group)
    {
        string path = WithoutRoot(group);
        return path == RecycleBin || path.StartsWith(RecycleBin + "/", StringComparison.Ordinal);
    }

    private static string WithoutRoot(string group)
    {
        int slash = group.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : group[(slash + 1)..];
    }

    private static ImportItem ReadRow(CsvRecord row, string[] headers)
    {
        var entry = new KeePassEntry();
        for (int i = 0; i < headers.Length && i < row.Cells.Length; i++)
        {
            string header = headers[i].Trim();
            string value = row[i];
            switch (header.ToUpperInvariant())
            {
                case "GROUP":
                    entry.GroupPath = WithoutRoot(value);
                    break;
                case "TITLE":
                    entry.AddString("Title", value, isProtected: false);
                    break;
                case "USERNAME":
                    entry.AddString("UserName", value, isProtected: false);
                    break;
                case "PASSWORD":
                    entry.AddString("Password", value, isProtected: true);
                    break;
                case "URL":
                    entry.AddString("URL", value, isProtected: false);
                    break;
                case "NOTES":
                    entry.AddString("Notes", value, isProtected: false);
                    break;
                case "TOTP":
                    entry.AddString("otp", value, isProtected: true);
                    break;
                case "TAGS":
                    entry.AddTags(value);
                    break;
                default:
                    if (!Ignored.Contains(header) && value.Length > 0)
                    {
                        entry.AddString(header, value, isProtected: false);
                    }

                    break;
            }
        }

        return entry.Build(ImportInput.Line(row.Line));
    }
}
