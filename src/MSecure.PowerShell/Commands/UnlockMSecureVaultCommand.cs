using System.Management.Automation;
using System.Security;
using MSecure.Core.Errors;
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

    /// <summary>Accepts a vault state older than this device saw (a backup restored on purpose), or a damaged revision witness, and records it as the newest.</summary>
    [Parameter]
    public SwitchParameter AcceptRollback { get; set; }

    /// <summary>Unlocks one vault.</summary>
    protected override void ProcessRecord() => RunOnVault((path, timeout) =>
    {
        if (!ShouldProcess(TerminalText.Of(path), "Unlock vault"))
        {
            return;
        }

        SecureString password = ReadPassword($"Password for vault '{TerminalText.VaultNameOf(path)}'", path);
        using VaultFile file = VaultFile.Open(path);
        VaultSession session = SecureStrings.Use(password, characters => UnlockAccepting(file, characters));
        VaultSessions.Cache.Add(path, session, timeout);
        WriteVerbose($"Unlocked '{TerminalText.Of(path)}' until it is unused for {timeout}.");
        if (PassThru)
        {
            WriteObject(VaultInfoOutput.From(session.Info, VaultTarget.DefaultPathForDisplay(this, WriteWarning)));
        }
    });

    /// <summary>Unlocks; with -AcceptRollback, an older state is accepted after a warning that says what was accepted.</summary>
    private VaultSession UnlockAccepting(VaultFile file, System.ReadOnlySpan<char> password)
    {
        if (!AcceptRollback)
        {
            return file.Unlock(password);
        }

        try
        {
            return file.Unlock(password);
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.VaultRolledBack)
        {
            WriteWarning("Accepted with -AcceptRollback, and recorded as the newest state of this vault on this device: " + TerminalText.Of(exception.Message));
            return file.Unlock(password, acceptRollback: true);
        }
    }
}
