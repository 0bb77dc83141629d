using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MSecure.Core.Sync;

/// <summary>Source-generated JSON metadata for the sync state document.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class SyncStateJsonContext : JsonSerializerContext
{
}
