using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Backup;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Files;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Kits;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Writes an encrypted backup of every live record of the unlocked vault, with its history, to a
/// new owner-only file: sealed with a backup password of its own (Argon2id), or with the vault's
/// Account Key (-AccountKey: the account's emergency kit and password restore it anywhere).
/// </summary>
[Cmdlet(VerbsData.Export, "MSecureBackup", DefaultParameterSetName = PasswordSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MSecureBackup))]
public sealed class ExportMSecureBackupCommand : MSecureCommand
{
    private const string PasswordSet = "BackupPassword";
    private const string AccountKeySet = "AccountKey";

    /// <summary>The backup file to create.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias(VaultParameterNames.VaultPathAlias)]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>The backup password (asked twice when not given and the session is interactive).</summary>
    [Parameter(ParameterSetName = PasswordSet)]
    [ValidateNotNull]
    public SecureString? BackupPassword { get; set; }

    /// <summary>Accepts a backup password that breaks the vault password rule, with a warning.</summary>
    [Parameter(ParameterSetName = PasswordSet)]
    public SwitchParameter AllowWeakPassword { get; set; }

    /// <summary>Seals the backup with the vault's Account Key instead of a password.</summary>
    [Parameter(ParameterSetName = AccountKeySet, Mandatory = true)]
    public SwitchParameter AccountKey { get; set; }

    /// <summary>Replaces an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the backup.</summary>
    protected override void ProcessRecord()
    {
        object? target = Vault;
        Run(() => target, () =>
        {
            VaultReference vault = VaultTarget.Resolve(this, Vault);
            target = vault.Path;
            string file = GetUnresolvedProviderPathFromPSPath(Path);
            KitFiles.EnsureWritable(file, Force);
            BackupSealMode mode = AccountKey ? BackupSealMode.AccountKey : BackupSealMode.Password;
            using SessionLease<VaultSession> lease = VaultAccess.Unlocked(vault);
            string name = TerminalText.VaultNameOf(vault.Path);
            string sealedWith = mode == BackupSealMode.AccountKey ? "the vault's Account Key" : "a backup password";
            if (!ShouldProcess(TerminalText.Of(file), $"Write an encrypted backup of every record of '{name}' with its history, sealed with {sealedWith}"))
            {
                return;
            }

            target = file;
            SecureString? password = null;
            if (mode == BackupSealMode.Password)
            {
                password = BackupPassword ?? PasswordSource.PromptNew(this, "Backup password", file);
                NewPasswordPolicy.Enforce(this, password, AllowWeakPassword);
            }

            VaultSession session = lease.Session;
            BackupExportResult result = PrivateFile.WriteStreamAtomically(file, stream => password is null
                ? session.ExportBackup(stream, mode)
                : SecureStrings.Use(password, characters => session.ExportBackup(stream, mode, characters)), Force);
            WriteObject(new MSecureBackup(file, VaultLocations.NameOf(vault.Path), mode.ToString(), result.Records, result.Revisions, result.Bytes,
                new FileInfo(file).LastWriteTimeUtc));
        });
    }
}
