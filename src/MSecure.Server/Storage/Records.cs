using System;

namespace MSecure.Server.Storage;

/// <summary>An account's current key material.</summary>
internal sealed record AccountRecord(Guid AccountId, string Email, byte[] PublicKey, byte[] Verifier, long KeyGeneration);

/// <summary>A consumed challenge: the account its email named (null for an unknown email) and its nonce.</summary>
internal sealed record ChallengeRecord(Guid ChallengeId, Guid? AccountId, byte[] Nonce, long ExpiresAtMs);

/// <summary>A token issued to a device.</summary>
internal sealed record Session(string Token, DateTimeOffset ExpiresAt, Guid DeviceId);

/// <summary>One device row.</summary>
internal sealed record DeviceRecord(Guid DeviceId, string Name, long EnrolledAtMs, long LastSeenAtMs, long? RevokedAtMs);

/// <summary>What a bearer token resolves to.</summary>
internal sealed record TokenRecord(Guid AccountId, Guid DeviceId, long TokenKeyGeneration, long ExpiresAtMs, long? DeviceRevokedAtMs, long AccountKeyGeneration);
