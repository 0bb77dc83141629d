using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using MSecure.Core.Records;
using MSecure.Core.Transfer;
using Xunit;

namespace MSecure.Core.Tests.Transfer;

/// <summary>Helpers to read the import fixtures (see <see cref="TransferFixtures"/>) as the cmdlet does and to check records field by field.</summary>
internal static class ImportFixtures
{
    public static string PathOf(string name) => TransferFixtures.PathOf(name);

    /// <summary>Every entry of <paramref name="path"/> read as <paramref name="format"/>, the file opened read-only as the cmdlet opens it.</summary>
    public static List<ImportItem> ReadAll(ImportFormat format, string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ImportFormats.Of(format).Read(stream, CancellationToken.None).ToList();
    }

    /// <summary>The 1PUX fixture zipped as 1Password writes it: export.attributes, export.data, files/.</summary>
    public static string Build1Pux(string directory)
    {
        string path = Path.Combine(directory, "ACCOUNT1.1pux");
        string source = PathOf("OnePassword1Pux");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            archive.CreateEntryFromFile(file, Path.GetRelativePath(source, file).Replace('\\', '/'));
        }

        return path;
    }

    /// <summary>A zip holding <paramref name="exportData"/> as export.data.</summary>
    public static string Write1Pux(string directory, string exportData)
    {
        string path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".1pux");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(archive.CreateEntry("export.data").Open());
        writer.Write(exportData);
        return path;
    }

    public static RecordDraft Draft(this ImportItem item)
    {
        Assert.True(item.Draft is not null, $"{item.Location} failed: {item.Problem}");
        return item.Draft!;
    }

    public static ImportItem Named(this IEnumerable<ImportItem> items, string name) =>
        Assert.Single(items, item => item.Draft?.Name == name);

    /// <summary>Asserts the field labelled <paramref name="label"/> has <paramref name="value"/> and <paramref name="kind"/>.</summary>
    public static void HasField(this RecordDraft draft, string label, string value, FieldKind kind)
    {
        RecordField field = Assert.Single(draft.Fields, f => string.Equals(f.Label, label, StringComparison.Ordinal));
        Assert.Equal(value, field.Value);
        Assert.Equal(kind, field.Kind);
    }

    public static void HasNoField(this RecordDraft draft, string label) =>
        Assert.DoesNotContain(draft.Fields, f => string.Equals(f.Label, label, StringComparison.OrdinalIgnoreCase) && f.Value.Length > 0);

    /// <summary>The non-empty fields as "label=value" lines, to compare a whole record.</summary>
    public static string[] FilledFields(this RecordDraft draft) =>
        draft.Fields.Where(f => f.Value.Length > 0).Select(f => $"{f.Label}:{f.Kind}={f.Value}").ToArray();

    /// <summary>Asserts no problem, remark or location of <paramref name="items"/> holds any of <paramref name="values"/>.</summary>
    public static void NoValueInMessages(IEnumerable<ImportItem> items, params string[] values)
    {
        foreach (ImportItem item in items)
        {
            string messages = string.Join('\n', new[] { item.Location, item.Problem ?? string.Empty, item.ToString() }.Concat(item.Remarks).Concat(item.CustomFields));
            foreach (string value in values)
            {
                Assert.DoesNotContain(value, messages, StringComparison.Ordinal);
            }
        }
    }
}
