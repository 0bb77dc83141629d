using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Backup;
using MSecure.Core.Kit;
using MSecure.Core.Kit.Reading;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Backups;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Restores a backup into the unlocked vault (a new one, or one with records: merged, no
/// duplicates, history kept). The whole file is authenticated before anything is written, and
/// the restore is one transaction. -WhatIf reports what would change and writes nothing.
/// </summary>
[Cmdlet(VerbsData.Import, "MSecureBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MSecureBackupRestore))]
public sealed class ImportMSecureBackupCommand : PasswordCommand
{
    /// <summary>The backup file.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias(VaultParameterNames.FullNameAlias)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias(VaultParameterNames.VaultPathAlias)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>The password of a password-sealed backup.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? BackupPassword { get; set; }

    /// <summary>The emergency kit of the account whose Account Key sealed the backup (its password from -Password and the other password sources).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EmergencyKitPath { get; set; }

    /// <summary>Restores one backup.</summary>
    protected override void ProcessRecord()
    {
        object? target = Path;
        Run(() => target, () =>
        {
            string file = GetUnresolvedProviderPathFromPSPath(Path);
            target = file;
            VaultReference vault = VaultTarget.Resolve(this, Vault);
            string name = TerminalText.VaultNameOf(vault.Path);
            using FileStream stream = new(file, FileMode.Open, FileAccess.Read, FileShare.Read);
            BackupFileInfo info = BackupFileInfo.Read(stream, file);
            stream.Position = 0;
            using SessionLease<VaultSession> lease = VaultAccess.Unlocked(vault);
            // The wording of ShouldProcess(target, action); the reason tells -WhatIf (a dry run) from a declined -Confirm.
            string description = $"Performing the operation \"Restore the backup into the vault '{name}' (merged with its records)\" on target \"{TerminalText.Of(file)}\".";
            bool dryRun = false;
            if (!ShouldProcess(description, "Are you sure you want to perform this action?" + Environment.NewLine + description, "Confirm", out ShouldProcessReason reason))
            {
                if (reason != ShouldProcessReason.WhatIf)
                {
                    return;
                }

                dryRun = true;
            }

            using BackupCredentials credentials = CredentialsFor(info, file);
            BackupRestoreResult result = lease.Session.ImportBackup(stream, credentials, dryRun, file);
            WriteObject(BackupOutput.From(result, file, VaultLocations.NameOf(vault.Path)));
        });
    }

    /// <summary>What opens the backup: its password, the emergency kit with its password, or the vault's own Account Key.</summary>
    private BackupCredentials CredentialsFor(BackupFileInfo info, string file)
    {
        if (info.Mode == BackupSealMode.Password)
        {
            SecureString password = BackupPassword ?? PasswordForBackup(file);
            return SecureStrings.Use(password, static characters => BackupCredentials.FromPassword(characters));
        }

        if (EmergencyKitPath is null)
        {
            // The same account's vault opens it with its own key; another account's gets BackupKeyWrong, naming the kit.
            return BackupCredentials.ThisVault;
        }

        EmergencyKit kit = EmergencyKit.Parse(KitFileReader.ReadKitText(GetUnresolvedProviderPathFromPSPath(EmergencyKitPath)));
        SecureString kitPassword = ReadPassword($"Password of the emergency kit of '{TerminalText.Of(kit.Email)}'", file);
        return SecureStrings.Use(kitPassword, characters => BackupCredentials.FromEmergencyKit(kit, characters));
    }

    /// <summary>A password-sealed backup's password from -Password and the other sources given, else a prompt (never MSECURE_PASSWORD, the vault's).</summary>
    private SecureString PasswordForBackup(string file)
    {
        if (Password is not null || Credential is not null || PasswordFile is not null || PasswordVariable is not null)
        {
            return ReadPassword("Backup password", file);
        }

        SecureString? prompted = PasswordSource.Prompt(Host, "Backup password");
        if (prompted is null)
        {
            ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordRequired, ErrorCategory.InvalidArgument,
                "The backup is sealed with a backup password and this session cannot prompt for one. Give it with -BackupPassword (or -PasswordFile, -PasswordVariable).", file));
        }

        return prompted!;
    }
}
