using System.IO;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Kit;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Kits;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Replaces a vault's Account Key, re-encrypting every record, and saves the new emergency kit.</summary>
[Cmdlet(VerbsCommon.Reset, "MSecureAccountKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(FileInfo))]
public sealed class ResetMSecureAccountKeyCommand : VaultKeyCommand
{
    /// <summary>Rotates one vault's Account Key.</summary>
    protected override void ProcessRecord() => RunOnVault((path, kitPath) =>
    {
        if (!ShouldProcess(TerminalText.Of(path), $"Replace the Account Key, re-encrypt every record and save the new emergency kit to '{TerminalText.Of(kitPath)}'"))
        {
            return;
        }

        using KitReservation reservation = KitReservation.Create(kitPath);
        SecureString password = ReadPassword($"Password of vault '{TerminalText.VaultNameOf(path)}'", path);
        EmergencyKit kit = VaultAccess.RotateAccountKey(path, password);
        FileInfo file = reservation.Complete(() => KitFiles.RenderNewKit(kit), $"The Account Key of vault '{TerminalText.VaultNameOf(path)}'");
        WriteWarning($"The Account Key of '{TerminalText.VaultNameOf(path)}' is replaced: every emergency kit printed before is useless now. Destroy them and print the new kit saved at '{TerminalText.Of(file.FullName)}'. Other sessions and devices must unlock the vault again.");
        WriteObject(file);
    });
}
