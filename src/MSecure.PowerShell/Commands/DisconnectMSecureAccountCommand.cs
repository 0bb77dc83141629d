using System.Management.Automation;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Forgets the account server on this device: the vault and the server's account stay.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "MSecureAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class DisconnectMSecureAccountCommand : AccountCommand
{
    /// <summary>Forgets the server of one vault.</summary>
    protected override void ProcessRecord() => RunOnUnlockedVault((path, session) =>
    {
        if (ShouldProcess(TerminalText.Of(path), "Forget the account server on this device"))
        {
            session.DisconnectAccount();
        }
    });
}
