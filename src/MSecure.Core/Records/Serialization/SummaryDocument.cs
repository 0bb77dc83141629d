using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace MSecure.Core.Records.Serialization;

/// <summary>
/// The JSON inside a record's summary envelope (format version 1): only what a listing or a
/// name search needs, so a search decrypts small envelopes.
/// </summary>
internal sealed class SummaryDocument
{
    [JsonPropertyName("v")]
    public int Version { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("template")]
    public RecordTemplate Template { get; set; }

    [JsonPropertyName("tags")]
    public List<string>? Tags { get; set; }

    [JsonPropertyName("favorite")]
    public bool Favorite { get; set; }

    /// <summary>Modification time, Unix milliseconds (UTC).</summary>
    [JsonPropertyName("modified")]
    public long Modified { get; set; }
}
