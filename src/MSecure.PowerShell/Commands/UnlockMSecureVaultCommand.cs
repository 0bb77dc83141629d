using System.Management.Automation;
using System.Security;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Unlocks a vault for this session until it has been idle for -Timeout.</summary>
[Cmdlet(VerbsCommon.Unlock, "MSecureVault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MSecureVaultInfo))]
public sealed class UnlockMSecureVaultCommand : VaultSessionCommand
{
    /// <summary>The vault's password, also from the pipeline.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public override SecureString? Password { get; set; }

    /// <summary>Writes the vault's info.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Unlocks one vault.</summary>
    protected override void ProcessRecord() => RunOnVault((path, timeout) =>
    {
        if (!ShouldProcess(TerminalText.Of(path), "Unlock vault"))
        {
            return;
        }

        SecureString password = ReadPassword($"Password for vault '{TerminalText.VaultNameOf(path)}'", path);
        using VaultFile file = VaultFile.Open(path);
        VaultSession session = SecureStrings.Use(password, file.Unlock);
        VaultSessions.Cache.Add(path, session, timeout);
        WriteVerbose($"Unlocked '{TerminalText.Of(path)}' until it is unused for {timeout}.");
        if (PassThru)
        {
            WriteObject(VaultInfoOutput.From(session.Info, VaultTarget.DefaultPathForDisplay(this, WriteWarning)));
        }
    });
}
