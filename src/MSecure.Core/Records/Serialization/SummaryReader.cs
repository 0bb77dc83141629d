using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace MSecure.Core.Records.Serialization;

/// <summary>
/// Reads a summary document with a <see cref="Utf8JsonReader"/> directly: a search reads one
/// summary per record, and this is several times faster than the generated metadata path
/// while accepting the same documents (see the tests, which compare the two). Returns null for
/// anything that is not a well-formed version-1 summary. Summaries are still written through
/// <see cref="RecordJsonContext"/>.
/// </summary>
internal static class SummaryReader
{
    private static readonly byte[] VersionName = "v"u8.ToArray();
    private static readonly byte[] NameName = "name"u8.ToArray();
    private static readonly byte[] TemplateName = "template"u8.ToArray();
    private static readonly byte[] TagsName = "tags"u8.ToArray();
    private static readonly byte[] FavoriteName = "favorite"u8.ToArray();
    private static readonly byte[] ModifiedName = "modified"u8.ToArray();

    private static readonly (byte[] Utf8, RecordTemplate Value)[] Templates = BuildTemplates();

    /// <summary>The summary in <paramref name="json"/>, or null.</summary>
    internal static SummaryDocument? Read(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var document = new SummaryDocument();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!ReadProperty(ref reader, document))
                {
                    return null;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return null;
            }

            return document is { Version: RecordSerializer.FormatVersion, Name: not null } ? document : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            // Malformed JSON, a token of the wrong type for its property, or a number out of range.
            return null;
        }
    }

    /// <summary>
    /// Only the name of a version-1 summary (the writer puts "v" and "name" first), or null. A
    /// search filtering by name reads this first and parses the rest for matches only.
    /// </summary>
    internal static string? ReadName(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            bool versionOne = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(VersionName))
                {
                    reader.Read();
                    versionOne = reader.GetInt32() == RecordSerializer.FormatVersion;
                }
                else if (reader.ValueTextEquals(NameName))
                {
                    reader.Read();
                    return versionOne && reader.TokenType == JsonTokenType.String ? reader.GetString() : Read(json)?.Name;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static bool ReadProperty(ref Utf8JsonReader reader, SummaryDocument document)
    {
        if (reader.ValueTextEquals(NameName))
        {
            reader.Read();
            document.Name = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
        }

        if (reader.ValueTextEquals(VersionName))
        {
            reader.Read();
            document.Version = reader.GetInt32();
            return true;
        }

        if (reader.ValueTextEquals(TemplateName))
        {
            reader.Read();
            bool known = TryReadTemplate(ref reader, out RecordTemplate template);
            document.Template = template;
            return known;
        }

        if (reader.ValueTextEquals(TagsName))
        {
            reader.Read();
            document.Tags = ReadTags(ref reader, out bool valid);
            return valid;
        }

        if (reader.ValueTextEquals(FavoriteName))
        {
            reader.Read();
            document.Favorite = reader.GetBoolean();
            return true;
        }

        if (reader.ValueTextEquals(ModifiedName))
        {
            reader.Read();
            document.Modified = reader.GetInt64();
            return true;
        }

        // Unknown properties are skipped, as a later version may add some.
        reader.Read();
        reader.Skip();
        return true;
    }

    private static bool TryReadTemplate(ref Utf8JsonReader reader, out RecordTemplate template)
    {
        template = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        foreach ((byte[] utf8, RecordTemplate value) in Templates)
        {
            if (reader.ValueTextEquals(utf8))
            {
                template = value;
                return true;
            }
        }

        // The generated reader also accepts other letter cases (never written, but read alike).
        string text = reader.GetString()!;
        return text.Length > 0 && char.IsAsciiLetter(text[0]) && Enum.TryParse(text, ignoreCase: true, out template) && Enum.IsDefined(template);
    }

    private static List<string>? ReadTags(ref Utf8JsonReader reader, out bool valid)
    {
        valid = true;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            valid = false;
            return null;
        }

        var tags = new List<string>(2);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                valid = false;
                return null;
            }

            tags.Add(reader.GetString()!);
        }

        return tags;
    }

    private static (byte[], RecordTemplate)[] BuildTemplates()
    {
        RecordTemplate[] values = Enum.GetValues<RecordTemplate>();
        var templates = new (byte[], RecordTemplate)[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            templates[i] = (Encoding.UTF8.GetBytes(values[i].ToString()), values[i]);
        }

        return templates;
    }
}
