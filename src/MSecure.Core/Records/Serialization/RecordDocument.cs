using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MSecure.Core.Records.Serialization;

/// <summary>
/// The JSON inside a record's full envelope (format version 1). Property names are short and
/// fixed forever; unknown properties are ignored so a later version may add some.
/// </summary>
internal sealed class RecordDocument
{
    /// <summary>The format version, 1.</summary>
    [JsonPropertyName("v")]
    public int Version { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("template")]
    public RecordTemplate Template { get; set; }

    [JsonPropertyName("fields")]
    public List<FieldDocument>? Fields { get; set; }

    [JsonPropertyName("tags")]
    public List<string>? Tags { get; set; }

    [JsonPropertyName("notes")]
    public string? Notes { get; set; }

    [JsonPropertyName("favorite")]
    public bool Favorite { get; set; }

    /// <summary>Creation time, Unix milliseconds (UTC).</summary>
    [JsonPropertyName("created")]
    public long Created { get; set; }

    /// <summary>Modification time of this revision, Unix milliseconds (UTC).</summary>
    [JsonPropertyName("modified")]
    public long Modified { get; set; }

    /// <summary>Sync metadata (schema 5); null in revisions written before it.</summary>
    [JsonPropertyName("sync")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SyncDocument? Sync { get; set; }
}

/// <summary>One field inside a <see cref="RecordDocument"/>.</summary>
internal sealed class FieldDocument
{
    [JsonPropertyName("label")]
    public string? Label { get; set; }

    [JsonPropertyName("kind")]
    public FieldKind Kind { get; set; }

    [JsonPropertyName("value")]
    public string? Value { get; set; }
}
