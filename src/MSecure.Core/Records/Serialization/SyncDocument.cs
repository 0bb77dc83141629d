using System;
using System.Text.Json.Serialization;

namespace MSecure.Core.Records.Serialization;

/// <summary>
/// The sync metadata inside a revision's record or tombstone JSON (docs/ARCHITECTURE.md section
/// 17.2): authenticated by the envelope that holds the revision. Absent in revisions written
/// before schema 5, whose ids are derived (<see cref="Sync.LegacyChangeIds"/>).
/// </summary>
internal sealed class SyncDocument
{
    /// <summary>This revision's change id.</summary>
    [JsonPropertyName("change")]
    public Guid Change { get; set; }

    /// <summary>The change id of the revision it was made on; null for a record's first revision.</summary>
    [JsonPropertyName("parent")]
    public Guid? Parent { get; set; }

    /// <summary>The vault id of the device that wrote it.</summary>
    [JsonPropertyName("author")]
    public Guid Author { get; set; }

    /// <summary>For a winner copy written by conflict resolution: the change it copies; else null.</summary>
    [JsonPropertyName("copyOf")]
    public Guid? CopyOf { get; set; }
}
