using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MSecure.Cli.Output;

/// <summary>Source-generated JSON (no reflection: trimming and Native AOT safe), camelCase, one line per document.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(FieldValueJson))]
[JsonSerializable(typeof(RecordJson))]
[JsonSerializable(typeof(List<SummaryJson>))]
[JsonSerializable(typeof(SetJson))]
[JsonSerializable(typeof(RemovedJson))]
[JsonSerializable(typeof(SessionJson))]
[JsonSerializable(typeof(LockJson))]
[JsonSerializable(typeof(KitWrittenJson))]
[JsonSerializable(typeof(KitTextJson))]
[JsonSerializable(typeof(EnrolledJson))]
[JsonSerializable(typeof(SyncJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the CLI writes with: as <see cref="JsonSerializerContext"/>'s default, but without
    /// escaping characters that only matter inside HTML (an apostrophe stays an apostrophe).
    /// </summary>
    internal static CliJsonContext Output { get; } = new(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
