using System;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Errors;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Unlocks a vault for this session until it has been idle for -Timeout.</summary>
[Cmdlet(VerbsCommon.Unlock, "MSecureVault", DefaultParameterSetName = VaultParameterSets.Name, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MSecureVaultInfo))]
public sealed class UnlockMSecureVaultCommand : PSCmdlet
{
    /// <summary>The vault's name (default: the default vault).</summary>
    [Parameter(ParameterSetName = VaultParameterSets.Name, Position = 0)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The vault file's path.</summary>
    [Parameter(ParameterSetName = VaultParameterSets.Path, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The vault's password.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public SecureString? Password { get; set; }

    /// <summary>A credential whose password is the vault's password.</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>A file holding the vault's password.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PasswordFile { get; set; }

    /// <summary>How long the vault may stay unused before it locks itself.</summary>
    [Parameter]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Writes the vault's info.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Unlocks one vault.</summary>
    protected override void ProcessRecord()
    {
        string? path = null;
        try
        {
            path = VaultTarget.Resolve(this, Name, Path);
            TimeSpan timeout = SessionTimeouts.Validate(Timeout);
            if (!ShouldProcess(path, "Unlock vault"))
            {
                return;
            }

            SecureString password = PasswordSource.Get(this, Password, Credential, PasswordFile, $"Password for vault '{VaultLocations.NameOf(path)}'", path);
            using VaultFile file = VaultFile.Open(path);
            VaultSession session = SecureStrings.Use(password, file.Unlock);
            VaultSessions.Cache.Add(path, session, timeout);
            WriteVerbose($"Unlocked '{path}' until it is unused for {timeout}.");
            if (PassThru)
            {
                WriteObject(VaultInfoOutput.From(session.Info));
            }
        }
        catch (MSecureException exception)
        {
            WriteError(ErrorRecords.From(exception, path ?? Name ?? Path));
        }
    }
}
