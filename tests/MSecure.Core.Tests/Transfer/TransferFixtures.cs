using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using MSecure.Core.Records;
using MSecure.Core.Transfer;
using Xunit;

namespace MSecure.Core.Tests.Transfer;

/// <summary>The import fixtures made for these tests (Transfer/Fixtures), and helpers to read them.</summary>
internal static class TransferFixtures
{
    /// <summary>The full path of fixture <paramref name="name"/>.</summary>
    internal static string PathOf(string name) => Path.Combine(FixtureFolder(), name);

    /// <summary>Every entry <paramref name="format"/> reads from fixture <paramref name="name"/>.</summary>
    internal static List<ImportItem> Read(IImportFormat format, string name)
    {
        using FileStream stream = File.OpenRead(PathOf(name));
        return format.Read(stream, CancellationToken.None).ToList();
    }

    /// <summary>Every entry <paramref name="format"/> reads from <paramref name="text"/> (UTF-8).</summary>
    internal static List<ImportItem> ReadText(IImportFormat format, string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return format.Read(stream, CancellationToken.None).ToList();
    }

    /// <summary>The sniff of fixture <paramref name="name"/>.</summary>
    internal static ImportSniff Sniff(string name)
    {
        using FileStream stream = File.OpenRead(PathOf(name));
        return ImportFormatDetector.Sniff(stream);
    }

    /// <summary>The draft of a read entry (fails when the entry is a problem).</summary>
    internal static RecordDraft Draft(ImportItem item)
    {
        Assert.True(item.Draft is not null, $"{item.Location}: {item.Problem}");
        return item.Draft!;
    }

    /// <summary>Asserts that <paramref name="draft"/> has field <paramref name="label"/> of <paramref name="kind"/> holding <paramref name="value"/>.</summary>
    internal static void HasField(RecordDraft draft, string label, FieldKind kind, string value)
    {
        RecordField? field = draft.Fields.Find(f => string.Equals(f.Label, label, StringComparison.Ordinal));
        Assert.True(field is not null, $"no field '{label}' in '{draft.Name}' (has {string.Join(", ", draft.Fields.Select(f => f.Label))})");
        Assert.Equal(kind, field!.Kind);
        Assert.Equal(value, field.Value);
    }

    /// <summary>The non-empty fields of <paramref name="draft"/> as "Label:Kind=Value".</summary>
    internal static string[] Filled(RecordDraft draft) =>
        draft.Fields.Where(f => f.Value.Length > 0).Select(f => $"{f.Label}:{f.Kind}={f.Value}").ToArray();

    private static string FixtureFolder([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Fixtures");
}
