using System;

namespace MSecure.Server.Http;

/// <summary>The account and device a valid bearer token speaks for, and the hash of that token.</summary>
internal sealed record Caller(Guid AccountId, Guid DeviceId, long KeyGeneration, byte[] TokenHash);
