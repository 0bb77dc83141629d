using System;

namespace MSecure.Core.Access;

/// <summary>
/// One record sealed for one access key: the record's full JSON (the vault's record format, without
/// sync metadata) in an AES-256-GCM envelope under the key's seal key, bound to key id, record id,
/// revision and the key's expiry (Unix milliseconds, 0 for never).
/// </summary>
internal sealed record AccessGrant(Guid KeyId, Guid RecordId, long Revision, long ExpiresAtMs, byte[] Envelope);
