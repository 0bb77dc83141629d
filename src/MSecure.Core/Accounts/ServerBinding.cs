using System;

namespace MSecure.Core.Accounts;

/// <summary>
/// The account server a vault is connected to on this device, stored in the vault's metadata and
/// covered by its sealed state. Holds nothing secret: the bearer token lives only in memory.
/// </summary>
/// <param name="Server">The server's base address (https, or http on loopback for development).</param>
/// <param name="CertificateFingerprint">The pinned SHA-256 fingerprint of the server's certificate (64 uppercase hex digits), or null to trust the system store.</param>
/// <param name="DeviceId">This device's id on the server.</param>
/// <param name="DeviceName">This device's name on the server.</param>
public sealed record ServerBinding(Uri Server, string? CertificateFingerprint, Guid DeviceId, string DeviceName);
