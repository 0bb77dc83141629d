using System;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>A device enrolled in the vault's account, as Get-MSecureDevice shows it. Nothing secret.</summary>
public sealed class MSecureDevice
{
    internal MSecureDevice(Guid deviceId, string name, DateTimeOffset enrolledAt, DateTimeOffset lastSeenAt, DateTimeOffset? revokedAt, bool current, string vaultPath)
    {
        DeviceId = deviceId;
        Name = name;
        EnrolledAt = enrolledAt;
        LastSeenAt = lastSeenAt;
        RevokedAt = revokedAt;
        Current = current;
        VaultPath = vaultPath;
    }

    /// <summary>The device's id (Remove-MSecureDevice -DeviceId).</summary>
    public Guid DeviceId { get; }

    /// <summary>The device's name.</summary>
    public string Name { get; }

    /// <summary>When the device enrolled.</summary>
    public DateTimeOffset EnrolledAt { get; }

    /// <summary>When the device last signed in.</summary>
    public DateTimeOffset LastSeenAt { get; }

    /// <summary>Whether the device was revoked.</summary>
    public bool Revoked => RevokedAt is not null;

    /// <summary>When the device was revoked, or null.</summary>
    public DateTimeOffset? RevokedAt { get; }

    /// <summary>Whether it is this device.</summary>
    public bool Current { get; }

    /// <summary>The vault whose account lists the device (binds -Vault of Remove-MSecureDevice by property name).</summary>
    public string VaultPath { get; }

    /// <summary>Name and id.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1})", Formatting.TerminalText.Of(Name), DeviceId);
}
