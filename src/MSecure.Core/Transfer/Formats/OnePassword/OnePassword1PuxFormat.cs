using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text.Json;
using System.Threading;

namespace MSecure.Core.Transfer.Formats.OnePassword;

/// <summary>
/// 1Password's 1PUX export: a zip archive holding export.attributes, export.data (JSON:
/// accounts → vaults → items) and files/ (attachments, never imported). export.data is read
/// from the zip entry's stream item by item (<see cref="OnePuxItemScanner"/>); each item is
/// mapped by <see cref="OnePuxItemMapper"/>. Locations are "entry N", N counting items in file order.
/// </summary>
internal sealed class OnePassword1PuxFormat : IImportFormat
{
    private const string DataEntry = "export.data";

    /// <inheritdoc/>
    public ImportFormat Format => ImportFormat.OnePassword1Pux;

    /// <inheritdoc/>
    public bool Recognizes(ImportSniff sniff)
    {
        ArgumentNullException.ThrowIfNull(sniff);
        foreach (string entry in sniff.ZipEntries)
        {
            if (string.Equals(entry, DataEntry, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public IEnumerable<ImportItem> Read(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadItems(input, cancellationToken);
    }

    private static IEnumerable<ImportItem> ReadItems(Stream input, CancellationToken cancellationToken)
    {
        using ZipArchive archive = OpenArchive(input);
        ZipArchiveEntry data = archive.GetEntry(DataEntry)
            ?? throw ImportInput.Invalid(input, "the archive has no export.data, so it is not a 1Password 1PUX export.");
        using Stream stream = data.Open();
        var scanner = new OnePuxItemScanner(stream);
        int number = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<OnePuxItem> items = Next(scanner, input);
            if (items.Count == 0)
            {
                yield break;
            }

            foreach (OnePuxItem item in items)
            {
                using (item.Item)
                {
                    number++;
                    yield return Map(item, string.Create(CultureInfo.InvariantCulture, $"entry {number}"));
                }
            }
        }
    }

    private static ImportItem Map(OnePuxItem item, string location)
    {
        try
        {
            return OnePuxItemMapper.Map(item.Item.RootElement, item.VaultName, location);
        }
        catch (Exception error) when (error is InvalidOperationException or FormatException or ArgumentException)
        {
            return ImportItem.Failed(location, "the item's JSON is not shaped as 1Password writes it (" + error.GetType().Name + ")");
        }
    }

    private static List<OnePuxItem> Next(OnePuxItemScanner scanner, Stream input)
    {
        try
        {
            return scanner.Next();
        }
        catch (JsonException error)
        {
            // JsonException's message may quote a character of the file: only its position is reported.
            throw ImportInput.Invalid(input, string.Create(CultureInfo.InvariantCulture, $"export.data is not valid JSON (line {error.LineNumber + 1})."));
        }
        catch (InvalidDataException error)
        {
            throw ImportInput.Invalid(input, error.Message, error);
        }
    }

    private static ZipArchive OpenArchive(Stream input)
    {
        try
        {
            return new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException error)
        {
            throw ImportInput.Invalid(input, "it is not a readable zip archive.", error);
        }
    }
}
