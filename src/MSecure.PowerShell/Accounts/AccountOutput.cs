using MSecure.Core.Accounts;
using MSecure.PowerShell.Models;

namespace MSecure.PowerShell.Accounts;

/// <summary>The module's views of the engine's account objects.</summary>
internal static class AccountOutput
{
    /// <summary>A device of the account of the vault at <paramref name="vaultPath"/>.</summary>
    internal static MSecureDevice From(AccountDevice device, string vaultPath) =>
        new(device.DeviceId, device.Name, device.EnrolledAt, device.LastSeenAt, device.RevokedAt, device.IsCurrent, vaultPath);

    /// <summary>The server binding of the vault at <paramref name="vaultPath"/>.</summary>
    internal static MSecureAccountServer From(ServerBinding binding, string vaultPath) =>
        new(vaultPath, binding.Server, binding.CertificateFingerprint, binding.DeviceId, binding.DeviceName);
}
