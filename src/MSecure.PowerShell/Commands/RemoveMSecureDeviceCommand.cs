using System;
using System.Management.Automation;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Revokes a device of the unlocked vault's account: its sessions stop working at once.</summary>
[Cmdlet(VerbsCommon.Remove, "MSecureDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveMSecureDeviceCommand : AccountCommand
{
    /// <summary>The device's id (as Get-MSecureDevice writes it).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public Guid DeviceId { get; set; }

    /// <summary>Revokes one device.</summary>
    protected override void ProcessRecord()
    {
        Guid deviceId = DeviceId;
        RunOnUnlockedVault((path, session) =>
        {
            if (ShouldProcess($"device {deviceId} of the account of vault '{TerminalText.VaultNameOf(path)}'", "Revoke device"))
            {
                session.RemoveDevice(deviceId);
            }
        }, () => deviceId);
    }
}
