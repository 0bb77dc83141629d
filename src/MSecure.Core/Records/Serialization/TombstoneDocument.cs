using System;
using System.Text.Json.Serialization;

namespace MSecure.Core.Records.Serialization;

/// <summary>
/// The JSON inside a removed record's envelope (format version 1): only the id and the deleted
/// marker, so sync can pass the removal on without any content.
/// </summary>
internal sealed class TombstoneDocument
{
    [JsonPropertyName("v")]
    public int Version { get; set; }

    [JsonPropertyName("id")]
    public Guid Id { get; set; }

    [JsonPropertyName("deleted")]
    public bool Deleted { get; set; }

    /// <summary>Removal time, Unix milliseconds (UTC).</summary>
    [JsonPropertyName("modified")]
    public long Modified { get; set; }

    /// <summary>Sync metadata (schema 5); null in tombstones written before it.</summary>
    [JsonPropertyName("sync")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SyncDocument? Sync { get; set; }
}
