using System.Management.Automation;
using MSecure.Core.Accounts;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Accounts;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Lists the devices enrolled in the unlocked vault's account, from its account server.</summary>
[Cmdlet(VerbsCommon.Get, "MSecureDevice")]
[OutputType(typeof(MSecureDevice))]
public sealed class GetMSecureDeviceCommand : AccountCommand
{
    /// <summary>Writes the devices.</summary>
    protected override void ProcessRecord() => RunOnUnlockedVault((path, session) =>
    {
        foreach (AccountDevice device in session.GetDevices())
        {
            WriteObject(AccountOutput.From(device, path));
        }
    });
}
