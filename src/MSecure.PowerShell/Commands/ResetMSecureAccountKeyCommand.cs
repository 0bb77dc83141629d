using System.IO;
using System.Management.Automation;
using System.Security;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Kits;
using MSecure.PowerShell.Sync;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Replaces a vault's Account Key, re-encrypting every record, and saves the new emergency kit.
/// On a registered vault the re-encrypted records are then pushed to the account server; the kit
/// file written to the pipeline carries that sync's result as its Sync property.
/// </summary>
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
        AccountKeyRotation rotation = VaultAccess.RotateAccountKey(path, password);
        FileInfo file = reservation.Complete(() => KitFiles.RenderNewKit(rotation.Kit), $"The Account Key of vault '{TerminalText.VaultNameOf(path)}'");
        WriteWarning($"The Account Key of '{TerminalText.VaultNameOf(path)}' is replaced: every emergency kit printed before is useless now. Destroy them and print the new kit saved at '{TerminalText.Of(file.FullName)}'. Other sessions and devices must unlock the vault again.");
        if (rotation.Sync is { } sync)
        {
            SyncOutput.Tell(this, sync);
        }
        else if (rotation.SyncError is { } error)
        {
            WriteWarning($"The re-encrypted records of '{TerminalText.VaultNameOf(path)}' could not be pushed to the account server ({error.Code}: {TerminalText.Of(error.Message)}). Run Sync-MSecureVault -Vault {VaultTarget.ArgumentFor(path)} to send them; until then devices enrolled with the new kit do not see them.");
        }

        WriteObject(SyncOutput.WithSync(file, rotation.Sync, path));
    });
}
