using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace MSecure.Core.Transfer.Formats.Bitwarden;

/// <summary>
/// Bitwarden's unencrypted JSON export (<c>{"encrypted":false,"folders":[…],"items":[…]}</c>; an
/// organisation's has "collections"). Items are streamed one at a time (Utf8JsonReader, one
/// JsonDocument per item); folders and collections become tags.
/// </summary>
public sealed class BitwardenJsonFormat : IImportFormat
{
    /// <inheritdoc />
    public ImportFormat Format => ImportFormat.BitwardenJson;

    /// <inheritdoc />
    public bool Recognizes(ImportSniff sniff)
    {
        ArgumentNullException.ThrowIfNull(sniff);
        string text = sniff.HeadText.TrimStart();
        return text.StartsWith('{')
            && (text.Contains("\"encrypted\"", StringComparison.Ordinal)
                || (text.Contains("\"items\"", StringComparison.Ordinal) && (text.Contains("\"folders\"", StringComparison.Ordinal) || text.Contains("\"collections\"", StringComparison.Ordinal))));
    }

    /// <inheritdoc />
    public IEnumerable<ImportItem> Read(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadItems(input, cancellationToken);
    }

    private static IEnumerable<ImportItem> ReadItems(Stream input, CancellationToken cancellationToken)
    {
        long start = input.CanSeek ? input.Position : 0;
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.CanSeek)
        {
            // Folders may follow the items (MSecure's own export writes them last): read them first.
            Scan(input, folders, null, cancellationToken);
            input.Position = start;
        }

        var items = new List<ImportItem>(1);
        using var root = new JsonRootArrays(input);
        while (Next(root, input, out JsonRootValue value))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Take(input, value, folders, items);
            foreach (ImportItem item in items)
            {
                yield return item;
            }

            items.Clear();
        }
    }

    private static void Scan(Stream input, Dictionary<string, string> folders, List<ImportItem>? items, CancellationToken cancellationToken)
    {
        using var root = new JsonRootArrays(input);
        while (Next(root, input, out JsonRootValue value))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (value.Property is "folders" or "collections" or "encrypted")
            {
                Take(input, value, folders, items);
            }
        }
    }

    /// <summary>Handles one root value: a folder or collection is remembered, an item read into <paramref name="items"/> (when given).</summary>
    private static void Take(Stream input, JsonRootValue value, Dictionary<string, string> folders, List<ImportItem>? items)
    {
        switch (value.Property)
        {
            case "encrypted":
                if (value.Json.Span.SequenceEqual("true"u8))
                {
                    throw ImportInput.Invalid(input, "it is an encrypted Bitwarden export (password-protected or tied to the account). Export it again as .json without encryption.");
                }

                break;
            case "folders" or "collections" when value.Index >= 0:
                using (JsonDocument document = Parse(input, value))
                {
                    JsonElement folder = document.RootElement;
                    if (folder.ValueKind == JsonValueKind.Object && BitwardenItemReader.Str(folder, "id") is { } id && BitwardenItemReader.Str(folder, "name") is { } name)
                    {
                        folders[id] = name;
                    }
                }

                break;
            case "items" when value.Index >= 0 && items is not null:
                string location = ImportInput.Item(value.Index + 1L);
                using (JsonDocument document = Parse(input, value))
                {
                    items.Add(BitwardenItemReader.Read(document.RootElement, location, folders));
                }

                break;
        }
    }

    private static JsonDocument Parse(Stream input, JsonRootValue value)
    {
        try
        {
            return JsonDocument.Parse(value.Json);
        }
        catch (JsonException)
        {
            throw ImportInput.Invalid(input, string.Format(CultureInfo.InvariantCulture, "{0} {1} is not valid JSON.", value.Property, value.Index + 1), new InvalidDataException(nameof(JsonException)));
        }
    }

    private static bool Next(JsonRootArrays root, Stream input, out JsonRootValue value)
    {
        try
        {
            return root.TryRead(out value);
        }
        catch (JsonException exception)
        {
            // The reader's message can quote a character of the file: only the position goes on.
            throw ImportInput.Invalid(input, string.Format(CultureInfo.InvariantCulture, "it is not a Bitwarden JSON export (not valid JSON, or not an object of arrays) near line {0}.", (exception.LineNumber ?? 0) + 1), new InvalidDataException(nameof(JsonException)));
        }
        catch (InvalidDataException exception)
        {
            throw ImportInput.Invalid(input, exception.Message, exception);
        }
    }
}
