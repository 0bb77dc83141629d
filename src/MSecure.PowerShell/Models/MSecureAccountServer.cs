using System;

namespace MSecure.PowerShell.Models;

/// <summary>The account server a vault is connected to on this device (Register-MSecureAccount's output). Nothing secret.</summary>
public sealed class MSecureAccountServer
{
    internal MSecureAccountServer(string vaultPath, Uri server, string? certificateThumbprint, Guid deviceId, string deviceName)
    {
        VaultPath = vaultPath;
        Server = server;
        CertificateThumbprint = certificateThumbprint;
        DeviceId = deviceId;
        DeviceName = deviceName;
    }

    /// <summary>The vault file's full path.</summary>
    public string VaultPath { get; }

    /// <summary>The server's address.</summary>
    public Uri Server { get; }

    /// <summary>The pinned SHA-256 fingerprint of the server's certificate, or null (system trust store).</summary>
    public string? CertificateThumbprint { get; }

    /// <summary>This device's id on the server.</summary>
    public Guid DeviceId { get; }

    /// <summary>This device's name on the server.</summary>
    public string DeviceName { get; }

    /// <summary>The server's address.</summary>
    public override string ToString() => Server.ToString();
}
