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

/// <summary>Changes a vault's password offline (the Account Key is re-wrapped) and saves the new emergency kit.</summary>
[Cmdlet(VerbsCommon.Set, "MSecurePassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(FileInfo))]
public sealed class SetMSecurePasswordCommand : PSCmdlet
{
    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("VaultPath")]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>The current password.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? Password { get; set; }

    /// <summary>A credential whose password is the current password.</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>A file holding the current password.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PasswordFile { get; set; }

    /// <summary>The new password.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNull]
    public SecureString? NewPassword { get; set; }

    /// <summary>Where to save the new kit as a printable HTML page (default: beside the vault file).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KitPath { get; set; }

    /// <summary>Changes one vault's password.</summary>
    protected override void ProcessRecord()
    {
        string? path = null;
        try
        {
            path = VaultTarget.ResolveVault(this, Vault);
            VaultAccess.EnsureExists(path);
            string kitPath = KitPath is null ? KitFiles.DefaultPathFor(path) : GetUnresolvedProviderPathFromPSPath(KitPath);
            KitFiles.EnsureWritable(kitPath, force: false);
            if (NewPassword is null || NewPassword.Length == 0)
            {
                ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordEmpty, ErrorCategory.InvalidArgument, "The new password is empty.", path));
            }

            if (!ShouldProcess(path, $"Change the password and save the new emergency kit to '{kitPath}'"))
            {
                return;
            }

            SecureString current = PasswordSource.Get(this, Password, Credential, PasswordFile, $"Current password of vault '{VaultLocations.NameOf(path)}'", path);
            EmergencyKit kit = VaultAccess.ChangePassword(path, current, NewPassword!);
            FileInfo file = KitFiles.Write(kitPath, KitFiles.Render(KitFiles.SheetOf(kit), KitFiles.Html), overwrite: false);
            WriteWarning($"The password of '{VaultLocations.NameOf(path)}' is changed. Every emergency kit printed before still opens the vault with the OLD password: destroy them, and print the new kit saved at '{file.FullName}'.");
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
