using System.Text.Json.Serialization;

namespace MSecure.Core.Records.Serialization;

/// <summary>
/// Source-generated JSON metadata for the record documents: no reflection, trimming- and
/// AOT-safe. Enums are written by name.
/// </summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    GenerationMode = JsonSourceGenerationMode.Metadata | JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(RecordDocument))]
[JsonSerializable(typeof(SummaryDocument))]
[JsonSerializable(typeof(TombstoneDocument))]
internal sealed partial class RecordJsonContext : JsonSerializerContext
{
}
