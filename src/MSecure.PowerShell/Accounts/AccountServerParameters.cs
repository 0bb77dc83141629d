using System;
using MSecure.Core.Accounts;

namespace MSecure.PowerShell.Accounts;

/// <summary>-Server, -CertificateThumbprint and -DeviceName as the engine takes them.</summary>
internal static class AccountServerParameters
{
    /// <summary>The fingerprint normalized (64 uppercase hex digits), or null.</summary>
    internal static string? Thumbprint(string? value) => value is null ? null : CertificateFingerprint.Normalize(value);

    /// <summary>-DeviceName, else this machine's name.</summary>
    internal static string DeviceName(string? value)
    {
        string name = value ?? DeviceNames.Default;
        DeviceNames.Validate(name);
        return name;
    }

    /// <summary>The server address checked (https, or http on loopback).</summary>
    internal static Uri Server(Uri value) => ServerAddress.Normalize(value);
}
