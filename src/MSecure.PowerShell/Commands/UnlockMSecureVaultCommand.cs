using System.Management.Automation;
using System.Security;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Unlocks a vault for this session until it has been idle for -Timeout.</summary>
[Cmdlet(VerbsCommon.Unlock, "MSecureVault", DefaultParameterSetName = VaultParameterSets.Name, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MSecureVaultInfo))]
public sealed class UnlockMSecureVaultCommand : VaultSessionCommand
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

    /// <summary>The vault's password, also from the pipeline.</summary>
    [Parameter(ValueFromPipeline = true)]
    [ValidateNotNull]
    public override SecureString? Password { get; set; }

    /// <summary>Writes the vault's info.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Unlocks one vault.</summary>
    protected override void ProcessRecord() => RunOnVault(Name, Path, (path, timeout) =>
    {
        if (!ShouldProcess(path, "Unlock vault"))
        {
            return;
        }

        SecureString password = ReadPassword($"Password for vault '{VaultLocations.NameOf(path)}'", path);
        using VaultFile file = VaultFile.Open(path);
        VaultSession session = SecureStrings.Use(password, file.Unlock);
        VaultSessions.Cache.Add(path, session, timeout);
        WriteVerbose($"Unlocked '{path}' until it is unused for {timeout}.");
        if (PassThru)
        {
            WriteObject(VaultInfoOutput.From(session.Info));
        }
    });
}
