using System.Management.Automation;
using System.Security;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Creates a vault with a new Account Key, and leaves it unlocked.</summary>
[Cmdlet(VerbsCommon.New, "MSecureVault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MSecureVaultInfo))]
public sealed class NewMSecureVaultCommand : VaultSessionCommand
{
    /// <summary>The account's email address.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Email { get; set; } = string.Empty;

    /// <summary>Accepts a password that breaks the vault password policy (with a warning).</summary>
    [Parameter]
    public SwitchParameter AllowWeakPassword { get; set; }

    /// <summary>Creates one vault.</summary>
    protected override void ProcessRecord() => RunOnVault((path, timeout) =>
    {
        string email = Email;
        VaultEmail.EnsureShowable(email);
        if (!ShouldProcess(TerminalText.Of(path), "Create vault"))
        {
            return;
        }

        string name = TerminalText.VaultNameOf(path);
        SecureString password = PasswordSource.GetNew(this, Password, Credential, PasswordFile, PasswordVariable, $"Password for the new vault '{name}'", path);
        NewPasswordPolicy.Enforce(this, password, AllowWeakPassword);
        bool allowWeak = AllowWeakPassword;
        VaultCreation creation = SecureStrings.Use(password, characters => VaultFile.Create(path, email, characters, allowWeakPassword: allowWeak));
        VaultSessions.Cache.Add(path, creation.Session, timeout);
        WriteWarning($"Print or save the emergency kit of '{name}' now (Export-MSecureEmergencyKit): without it and the password, the data cannot be recovered.");
        WriteObject(VaultInfoOutput.From(creation.Session.Info, VaultTarget.DefaultPathForDisplay(this, WriteWarning)));
    });
}
