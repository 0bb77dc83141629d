using System.Text.Json.Serialization;

namespace MSecure.Core.Accounts.Protocol;

/// <summary>
/// The one JSON shape of the protocol, source-generated (no reflection) for client and server:
/// camelCase names, unknown members refused, every member required.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = 8)]
[JsonSerializable(typeof(ServerInfoResponse))]
[JsonSerializable(typeof(RegisterAccountRequest))]
[JsonSerializable(typeof(ChallengeRequest))]
[JsonSerializable(typeof(ChallengeResponse))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(AccountResponse))]
[JsonSerializable(typeof(RotateAccountKeyRequest))]
[JsonSerializable(typeof(DeviceResponse))]
[JsonSerializable(typeof(DeviceListResponse))]
[JsonSerializable(typeof(PullChangesResponse))]
[JsonSerializable(typeof(PushChangesRequest))]
[JsonSerializable(typeof(PushChangesResponse))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext
{
}
