using System.IO;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Kits;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Changes a vault's password offline (the Account Key is re-wrapped) and saves the new emergency kit.</summary>
/// <remarks>-Password, -Credential and -PasswordFile give the current password.</remarks>
[Cmdlet(VerbsCommon.Set, "MSecurePassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(FileInfo))]
public sealed class SetMSecurePasswordCommand : VaultKeyCommand
{
    /// <summary>The new password.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNull]
    public SecureString? NewPassword { get; set; }

    /// <summary>Changes one vault's password.</summary>
    protected override void ProcessRecord() => RunOnVault((path, kitPath) =>
    {
        if (NewPassword is null || NewPassword.Length == 0)
        {
            ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordEmpty, ErrorCategory.InvalidArgument, "The new password is empty.", path));
        }

        if (!ShouldProcess(path, $"Change the password and save the new emergency kit to '{kitPath}'"))
        {
            return;
        }

        SecureString current = ReadPassword($"Current password of vault '{VaultLocations.NameOf(path)}'", path);
        FileInfo file = KitFiles.WriteNewKit(kitPath, VaultAccess.ChangePassword(path, current, NewPassword!));
        WriteWarning($"The password of '{VaultLocations.NameOf(path)}' is changed. Every emergency kit printed before still opens the vault with the OLD password: destroy them, and print the new kit saved at '{file.FullName}'.");
        WriteObject(file);
    });
}
