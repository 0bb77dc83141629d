using System.IO;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Vault;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Kits;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Replaces a vault's Account Key, re-encrypting every record, and saves the new emergency kit.</summary>
[Cmdlet(VerbsCommon.Reset, "MSecureAccountKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(FileInfo))]
public sealed class ResetMSecureAccountKeyCommand : PSCmdlet
{
    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VaultPath")]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>The vault's password.</summary>
    [Parameter]
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

    /// <summary>Where to save the new kit as a printable HTML page (default: beside the vault file).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KitPath { get; set; }

    /// <summary>Rotates one vault's Account Key.</summary>
    protected override void ProcessRecord()
    {
        string? path = null;
        try
        {
            path = VaultTarget.ResolveVault(this, Vault);
            VaultAccess.EnsureExists(path);
            string kitPath = KitPath is null ? KitFiles.DefaultPathFor(path) : GetUnresolvedProviderPathFromPSPath(KitPath);
            KitFiles.EnsureWritable(kitPath, force: false);
            if (!ShouldProcess(path, $"Replace the Account Key, re-encrypt every record and save the new emergency kit to '{kitPath}'"))
            {
                return;
            }

            SecureString password = PasswordSource.Get(this, Password, Credential, PasswordFile, $"Password of vault '{VaultLocations.NameOf(path)}'", path);
            EmergencyKit kit = VaultAccess.RotateAccountKey(path, password);
            FileInfo file = KitFiles.Write(kitPath, KitFiles.Render(KitFiles.SheetOf(kit), KitFiles.Html), overwrite: false);
            WriteWarning($"The Account Key of '{VaultLocations.NameOf(path)}' is replaced: every emergency kit printed before is useless now. Destroy them and print the new kit saved at '{file.FullName}'. Other sessions and devices must unlock the vault again.");
            WriteObject(file);
        }
        catch (MSecureException exception)
        {
            WriteError(ErrorRecords.From(exception, path ?? Vault));
        }
        catch (ModuleException exception)
        {
            WriteError(ErrorRecords.From(exception, path ?? Vault));
        }
    }
}
