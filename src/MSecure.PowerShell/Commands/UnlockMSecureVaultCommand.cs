using System;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Errors;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Unlocks a vault for this session until it has been idle for -Timeout; with -SessionToken also
/// issues a token that later processes use through MSECURE_SESSION without the password.
/// </summary>
[Cmdlet(VerbsCommon.Unlock, "MSecureVault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MSecureVaultInfo), typeof(SecureString), typeof(string))]
public sealed class UnlockMSecureVaultCommand : VaultSessionCommand
{
    /// <summary>The vault's password, also from the pipeline.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public override SecureString? Password { get; set; }

    /// <summary>Writes the vault's info.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Also writes a session token for later processes (set it as MSECURE_SESSION); a SecureString unless -AsPlainText.</summary>
    [Parameter]
    public SwitchParameter SessionToken { get; set; }

    /// <summary>How long the session token opens the vault (default 1 hour, at most 24 hours).</summary>
    [Parameter]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Writes the session token as a String (for an environment variable).</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>Accepts a vault state older than this device saw (a backup restored on purpose), or a damaged revision witness, and records it as the newest.</summary>
    [Parameter]
    public SwitchParameter AcceptRollback { get; set; }

    /// <summary>Refuses combinations that make no sense.</summary>
    protected override void BeginProcessing()
    {
        string? conflict = !SessionToken && (AsPlainText || MyInvocation.BoundParameters.ContainsKey(nameof(SessionLifetime)))
            ? "-AsPlainText and -SessionLifetime go with -SessionToken."
            : SessionToken && PassThru ? "Use -SessionToken or -PassThru, not both: the token is meant to be the only output." : null;
        if (conflict is not null)
        {
            ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.ParameterConflict, ErrorCategory.InvalidArgument, conflict, null));
        }
    }

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

        if (SessionToken)
        {
            WriteObject(SessionTokens.Issue(session, SessionLifetime, AsPlainText, WriteVerbose));
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
