using System;
using System.Collections.Generic;

namespace MSecure.Core.Accounts.Protocol;

/// <summary>
/// Routes and sizes of the access key protocol (docs/ARCHITECTURE.md section 18.3). Key routes take
/// a device's bearer token; the read route takes the key itself:
/// <c>Authorization: AccessKey &lt;key id&gt;.&lt;base64url auth key&gt;</c>.
/// </summary>
public static class AccessProtocol
{
    /// <summary>PUT registers a key (<see cref="RegisterAccessKeyRequest"/>), DELETE revokes it. Append the key id.</summary>
    public const string KeyRoutePrefix = "/v1/access/keys/";

    /// <summary>Appended to a key's route: PUT replaces all its grants (<see cref="PutAccessGrantsRequest"/>).</summary>
    public const string GrantsSuffix = "/grants";

    /// <summary>GET with the key's authorization: <see cref="AccessRecordsResponse"/>.</summary>
    public const string RecordsRoute = "/v1/access/records";

    /// <summary>The authorization scheme of the read route.</summary>
    public const string Scheme = "AccessKey";

    /// <summary>The most grants one key holds on the server.</summary>
    public const int MaxGrants = 10_000;

    /// <summary>The largest grant envelope the server stores (like a sync envelope).</summary>
    public const int MaxGrantEnvelopeBytes = AccountProtocol.MaxSyncEnvelopeBytes;

    /// <summary>The largest grants body the server reads.</summary>
    public const int MaxGrantsBodyBytes = AccountProtocol.MaxPushBodyBytes;
}

/// <summary>PUT /v1/access/keys/{id}: registers a read-only access key of the caller's account.</summary>
public sealed record RegisterAccessKeyRequest
{
    /// <summary>SHA-256 of the key's auth key (32 bytes): the server never sees the key itself.</summary>
    public required byte[] AuthKeyHash { get; init; }

    /// <summary>When the key stops working, or null for never.</summary>
    public required DateTimeOffset? ExpiresAt { get; init; }

    // ToString shows no member: the hash is not a secret, but nothing of a key reaches a log.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(ExpiresAt is null ? "ExpiresAt = never" : "ExpiresAt set");
        return true;
    }
}

/// <summary>One record sealed for an access key; the server stores and returns it as is.</summary>
public sealed record AccessGrantMessage
{
    /// <summary>The record id.</summary>
    public required Guid RecordId { get; init; }

    /// <summary>The record's revision the grant holds.</summary>
    public required long Revision { get; init; }

    /// <summary>The key's expiry bound into the envelope, Unix milliseconds, 0 for never.</summary>
    public required long Expiry { get; init; }

    /// <summary>The envelope under the key's seal key.</summary>
    public required byte[] Envelope { get; init; }

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.FormattableString.Invariant($"RecordId = {RecordId}, Revision = {Revision}"));
        return true;
    }
}

/// <summary>PUT /v1/access/keys/{id}/grants: the key's grants, replacing all it had.</summary>
public sealed record PutAccessGrantsRequest
{
    /// <summary>Every grant of the key.</summary>
    public required List<AccessGrantMessage> Grants { get; init; }
}

/// <summary>GET /v1/access/records: what the key may read.</summary>
public sealed record AccessRecordsResponse
{
    /// <summary>The key id.</summary>
    public required Guid KeyId { get; init; }

    /// <summary>When the key stops working, or null for never.</summary>
    public required DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Its grants.</summary>
    public required List<AccessGrantMessage> Grants { get; init; }
}

/// <summary>The source-generated JSON of the access key messages (same options as <see cref="ProtocolJsonContext"/>).</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(
    PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    MaxDepth = 8)]
[System.Text.Json.Serialization.JsonSerializable(typeof(RegisterAccessKeyRequest))]
[System.Text.Json.Serialization.JsonSerializable(typeof(PutAccessGrantsRequest))]
[System.Text.Json.Serialization.JsonSerializable(typeof(AccessRecordsResponse))]
public sealed partial class AccessJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
