using System;
using System.Collections.Generic;
using System.Text.Json;

namespace MSecure.Core.Records.Serialization;

/// <summary>
/// Writes and reads the JSON inside record envelopes with the source-generated
/// <see cref="RecordJsonContext"/>. Writers fill a <see cref="PinnedBufferWriter"/> the caller
/// wipes; readers return null for JSON that is not a well-formed version-1 document.
/// </summary>
internal static class RecordSerializer
{
    /// <summary>The only document format version written and read.</summary>
    internal const int FormatVersion = 1;

    /// <summary>Writes the full record document of <paramref name="content"/> into <paramref name="destination"/> (cleared first).</summary>
    internal static void WriteRecord(RecordContent content, long createdAt, long modifiedAt, SyncDocument? sync, PinnedBufferWriter destination)
    {
        var fields = new List<FieldDocument>(content.Fields.Count);
        foreach (RecordField field in content.Fields)
        {
            fields.Add(new FieldDocument { Label = field.Label, Kind = field.Kind, Value = field.Value });
        }

        var document = new RecordDocument
        {
            Version = FormatVersion,
            Name = content.Name,
            Template = content.Template,
            Fields = fields,
            Tags = [.. content.Tags],
            Notes = content.Notes,
            Favorite = content.IsFavorite,
            Created = createdAt,
            Modified = modifiedAt,
            Sync = sync,
        };
        Write(document, RecordJsonContext.Default.RecordDocument, destination);
    }

    /// <summary>Writes the summary document of <paramref name="content"/> into <paramref name="destination"/> (cleared first).</summary>
    internal static void WriteSummary(RecordContent content, long modifiedAt, PinnedBufferWriter destination)
    {
        var document = new SummaryDocument
        {
            Version = FormatVersion,
            Name = content.Name,
            Template = content.Template,
            Tags = [.. content.Tags],
            Favorite = content.IsFavorite,
            Modified = modifiedAt,
        };
        Write(document, RecordJsonContext.Default.SummaryDocument, destination);
    }

    /// <summary>Writes the tombstone of a removed record into <paramref name="destination"/> (cleared first).</summary>
    internal static void WriteTombstone(Guid id, long removedAt, SyncDocument? sync, PinnedBufferWriter destination)
    {
        var document = new TombstoneDocument { Version = FormatVersion, Id = id, Deleted = true, Modified = removedAt, Sync = sync };
        WriteTombstone(document, destination);
    }

    /// <summary>Writes a tombstone document as it is into <paramref name="destination"/> (cleared first).</summary>
    internal static void WriteTombstone(TombstoneDocument document, PinnedBufferWriter destination) =>
        Write(document, RecordJsonContext.Default.TombstoneDocument, destination);

    /// <summary>Writes a full record document as it is into <paramref name="destination"/> (cleared first).</summary>
    internal static void WriteRecord(RecordDocument document, PinnedBufferWriter destination) =>
        Write(document, RecordJsonContext.Default.RecordDocument, destination);

    /// <summary>Writes the summary document of a full record document into <paramref name="destination"/> (cleared first).</summary>
    internal static void WriteSummary(RecordDocument document, PinnedBufferWriter destination)
    {
        var summary = new SummaryDocument
        {
            Version = FormatVersion,
            Name = document.Name,
            Template = document.Template,
            Tags = document.Tags ?? [],
            Favorite = document.Favorite,
            Modified = document.Modified,
        };
        Write(summary, RecordJsonContext.Default.SummaryDocument, destination);
    }

    /// <summary>Reads a full record document; null when it is not a valid version-1 record.</summary>
    internal static RecordDocument? ReadRecord(ReadOnlySpan<byte> json)
    {
        RecordDocument? document = Read(json, RecordJsonContext.Default.RecordDocument);
        return document is { Version: FormatVersion, Name: not null } && Enum.IsDefined(document.Template)
            && FieldsAreValid(document.Fields) && TagsAreValid(document.Tags)
            ? document
            : null;
    }

    /// <summary>Reads a summary document (fast path, <see cref="SummaryReader"/>); null when it is not a valid version-1 summary.</summary>
    internal static SummaryDocument? ReadSummary(ReadOnlySpan<byte> json) => SummaryReader.Read(json);

    /// <summary>Reads a summary document through the generated metadata (the reference for <see cref="SummaryReader"/>).</summary>
    internal static SummaryDocument? ReadSummaryWithContext(ReadOnlySpan<byte> json)
    {
        SummaryDocument? document = Read(json, RecordJsonContext.Default.SummaryDocument);
        return document is { Version: FormatVersion, Name: not null } && Enum.IsDefined(document.Template) && TagsAreValid(document.Tags)
            ? document
            : null;
    }

    /// <summary>Reads a tombstone; null when it is not a valid version-1 tombstone.</summary>
    internal static TombstoneDocument? ReadTombstone(ReadOnlySpan<byte> json)
    {
        TombstoneDocument? document = Read(json, RecordJsonContext.Default.TombstoneDocument);
        return document is { Version: FormatVersion, Deleted: true } ? document : null;
    }

    /// <summary>The record content a document holds.</summary>
    internal static RecordContent ToContent(RecordDocument document)
    {
        List<FieldDocument> fieldDocuments = document.Fields ?? [];
        var fields = new RecordField[fieldDocuments.Count];
        for (int i = 0; i < fields.Length; i++)
        {
            FieldDocument field = fieldDocuments[i];
            fields[i] = new RecordField(field.Label!, field.Kind, field.Value ?? string.Empty);
        }

        return new RecordContent(document.Name!, document.Template, fields, TagsOf(document.Tags), document.Notes ?? string.Empty, document.Favorite);
    }

    /// <summary>Tags as a read-only list, never null.</summary>
    internal static IReadOnlyList<string> TagsOf(List<string>? tags) =>
        tags is null || tags.Count == 0 ? [] : tags.AsReadOnly();

    private static bool FieldsAreValid(List<FieldDocument>? fields)
    {
        if (fields is null)
        {
            return true;
        }

        foreach (FieldDocument? field in fields)
        {
            if (field?.Label is null || !Enum.IsDefined(field.Kind))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TagsAreValid(List<string>? tags) => tags is null || !tags.Contains(null!);

    private static void Write<T>(T document, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, PinnedBufferWriter destination)
    {
        destination.Clear();
        using var writer = new Utf8JsonWriter(destination);
        JsonSerializer.Serialize(writer, document, typeInfo);
    }

    private static T? Read<T>(ReadOnlySpan<byte> json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
