using System.Management.Automation;
using System.Security;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Creates a vault with a new Account Key, and leaves it unlocked.</summary>
[Cmdlet(VerbsCommon.New, "MSecureVault", DefaultParameterSetName = VaultParameterSets.Name, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MSecureVaultInfo))]
public sealed class NewMSecureVaultCommand : VaultSessionCommand
{
    /// <summary>The new vault's name (default: the default vault).</summary>
    [Parameter(ParameterSetName = VaultParameterSets.Name, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The new vault file's path.</summary>
    [Parameter(ParameterSetName = VaultParameterSets.Path, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The account's email address.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Email { get; set; } = string.Empty;

    /// <summary>Creates one vault.</summary>
    protected override void ProcessRecord() => RunOnVault(Name, Path, (path, timeout) =>
    {
        if (!ShouldProcess(path, "Create vault"))
        {
            return;
        }

        SecureString password = PasswordSource.GetNew(this, Password, Credential, PasswordFile, $"Password for the new vault '{VaultLocations.NameOf(path)}'", path);
        string email = Email;
        VaultCreation creation = SecureStrings.Use(password, characters => VaultFile.Create(path, email, characters));
        VaultSessions.Cache.Add(path, creation.Session, timeout);
        WriteWarning($"Print or save the emergency kit of '{VaultLocations.NameOf(path)}' now (Export-MSecureEmergencyKit): without it and the password, the data cannot be recovered.");
        WriteObject(VaultInfoOutput.From(creation.Session.Info));
    });
}
