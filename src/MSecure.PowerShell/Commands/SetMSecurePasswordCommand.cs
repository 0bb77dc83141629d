using System.IO;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Kit;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Kits;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Changes a vault's password offline (the Account Key is re-wrapped) and saves the new emergency kit.</summary>
/// <remarks>-Password, -Credential and -PasswordFile give the current password.</remarks>
[Cmdlet(VerbsCommon.Set, "MSecurePassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(FileInfo))]
public sealed class SetMSecurePasswordCommand : VaultKeyCommand
{
    /// <summary>The new password; when missing, an interactive host prompts for it twice.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? NewPassword { get; set; }

    /// <summary>Accepts a new password that breaks the vault password policy (with a warning).</summary>
    [Parameter]
    public SwitchParameter AllowWeakPassword { get; set; }

    /// <summary>Changes one vault's password.</summary>
    protected override void ProcessRecord() => RunOnVault((path, kitPath) =>
    {
        string name = TerminalText.VaultNameOf(path);
        if (NewPassword is not null)
        {
            PasswordSource.EnsureNotEmpty(this, NewPassword, path);
            NewPasswordPolicy.Enforce(this, NewPassword, AllowWeakPassword);
        }

        if (!ShouldProcess(TerminalText.Of(path), $"Change the password and save the new emergency kit to '{TerminalText.Of(kitPath)}'"))
        {
            return;
        }

        using KitReservation reservation = KitReservation.Create(kitPath);
        SecureString current = ReadPassword($"Current password of vault '{name}'", path);
        SecureString next = NewPassword ?? PromptNewPassword(name, path);
        EmergencyKit kit = VaultAccess.ChangePassword(path, current, next, AllowWeakPassword);
        FileInfo file = reservation.Complete(() => KitFiles.RenderNewKit(kit), $"The password of vault '{name}'");
        WriteWarning($"The password of '{name}' is changed. Every emergency kit printed before still opens the vault with the OLD password: destroy them, and print the new kit saved at '{TerminalText.Of(file.FullName)}'.");
        WriteObject(file);
    });

    private SecureString PromptNewPassword(string name, string path)
    {
        SecureString prompted = PasswordSource.PromptNew(this, $"New password of vault '{name}'", path);
        NewPasswordPolicy.Enforce(this, prompted, AllowWeakPassword);
        return prompted;
    }
}
