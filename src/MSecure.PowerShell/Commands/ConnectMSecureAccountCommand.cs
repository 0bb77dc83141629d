using System;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Accounts;
using MSecure.Core.Kit.Reading;
using MSecure.Core.Sync;
using MSecure.Core.Vault;
using MSecure.PowerShell.Accounts;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Sync;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Enrolls this device in an existing account: opens the emergency kit locally with the password,
/// checks it against the account (signing in to the account server, or against the verifier the
/// first device keeps in a shared sync folder), and only then creates the local vault (same
/// Account Key), pulls every record, and leaves it unlocked like New-MSecureVault leaves it.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "MSecureAccount", DefaultParameterSetName = KitTextSet, SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MSecureVaultInfo))]
public sealed class ConnectMSecureAccountCommand : VaultSessionCommand
{
    private const string KitTextSet = "KitText";
    private const string KitPathSet = "KitPath";
    private const string FolderKitTextSet = "FolderKitText";
    private const string FolderKitPathSet = "FolderKitPath";
    private const int ProgressId = 7;

    /// <summary>The account server's address.</summary>
    [Parameter(ParameterSetName = KitTextSet, Mandatory = true)]
    [Parameter(ParameterSetName = KitPathSet, Mandatory = true)]
    [ValidateNotNull]
    public Uri? Server { get; set; }

    /// <summary>The shared sync folder of the account (enrollment with no server).</summary>
    [Parameter(ParameterSetName = FolderKitTextSet, Mandatory = true)]
    [Parameter(ParameterSetName = FolderKitPathSet, Mandatory = true)]
    [ArgumentCompleter(typeof(FolderPathCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Folder { get; set; }

    /// <summary>The account's email address (as printed on the kit; case and surrounding spaces do not matter).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Email { get; set; } = string.Empty;

    /// <summary>The emergency kit's text (MSK-...).</summary>
    [Parameter(ParameterSetName = KitTextSet, Mandatory = true)]
    [Parameter(ParameterSetName = FolderKitTextSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? KitText { get; set; }

    /// <summary>A file holding the kit: a text file, the printable HTML page, or a PNG/JPEG photo or screenshot of its QR code.</summary>
    [Parameter(ParameterSetName = KitPathSet, Mandatory = true)]
    [Parameter(ParameterSetName = FolderKitPathSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? KitPath { get; set; }

    /// <summary>The SHA-256 fingerprint of the server's certificate to pin (64 hex digits, ':' optional).</summary>
    [Parameter(ParameterSetName = KitTextSet)]
    [Parameter(ParameterSetName = KitPathSet)]
    [ValidateNotNullOrEmpty]
    public string? CertificateThumbprint { get; set; }

    /// <summary>This device's name on the server (default: the machine name).</summary>
    [Parameter(ParameterSetName = KitTextSet)]
    [Parameter(ParameterSetName = KitPathSet)]
    [ValidateNotNullOrEmpty]
    public string? DeviceName { get; set; }

    /// <summary>Enrolls and creates the vault.</summary>
    protected override void ProcessRecord() => RunOnVault((path, timeout) =>
    {
        SecureStrings.SecretFunc<VaultCreation>? enroll = Folder is null ? ThroughServer(path) : ThroughFolder(path);
        if (enroll is null)
        {
            return;
        }

        SecureString password = ReadPassword($"Password of the account '{TerminalText.Of(Email)}'", path);
        try
        {
            VaultCreation creation = SecureStrings.Use(password, enroll);
            VaultSessions.Cache.Add(path, creation.Session, timeout);
            if (creation.InitialSync is { } sync)
            {
                SyncOutput.Tell(this, sync);
            }

            MSecureVaultInfo info = VaultInfoOutput.From(creation.Session.Info, VaultTarget.DefaultPathForDisplay(this, WriteWarning));
            WriteObject(SyncOutput.WithSync(info, creation.InitialSync, path));
        }
        finally
        {
            WriteProgress(new ProgressRecord(ProgressId, "Connect-MSecureAccount", "Done") { RecordType = ProgressRecordType.Completed });
        }
    });

    /// <summary>The enrollment through the account server, once its parameters are checked and the user confirmed; null when not confirmed.</summary>
    private SecureStrings.SecretFunc<VaultCreation>? ThroughServer(string path)
    {
        Uri server = AccountServerParameters.Server(Server!);
        string? thumbprint = AccountServerParameters.Thumbprint(CertificateThumbprint);
        string deviceName = AccountServerParameters.DeviceName(DeviceName);
        VaultFile.EnsureAbsent(path);
        string kitText = ReadKitText();
        if (!ShouldProcess(TerminalText.Of(path), $"Enroll this device as '{TerminalText.Of(deviceName)}' in the account on '{TerminalText.Of(server.ToString())}' and create the vault"))
        {
            return null;
        }

        string email = Email;
        return characters => AccountEnrollment.Enroll(path, server, thumbprint, email, kitText, characters, deviceName, progress: ReportThroughServer);
    }

    /// <summary>The enrollment from the shared sync folder, once its parameters are checked and the user confirmed; null when not confirmed.</summary>
    private SecureStrings.SecretFunc<VaultCreation>? ThroughFolder(string path)
    {
        string folder = GetUnresolvedProviderPathFromPSPath(Folder!);
        VaultFile.EnsureAbsent(path);
        string kitText = ReadKitText();
        if (!ShouldProcess(TerminalText.Of(path), $"Enroll this device in the account that syncs through the folder '{TerminalText.Of(folder)}' and create the vault"))
        {
            return null;
        }

        string email = Email;
        return characters => FolderEnrollment.Enroll(path, folder, kitText, characters, email, ReportThroughFolder);
    }

    private string ReadKitText() => KitText ?? KitFileReader.ReadKitText(GetUnresolvedProviderPathFromPSPath(KitPath!));

    private void ReportThroughServer(EnrollmentStage stage) => Report(stage switch
    {
        EnrollmentStage.OpeningKit => ("Opening the emergency kit with the password (key derivation)", 10),
        EnrollmentStage.SigningIn => ("Signing in to the account server", 50),
        EnrollmentStage.VerifyingAccount => ("Downloading and checking the account's verifier", 60),
        EnrollmentStage.CreatingVault => ("Creating the local vault", 70),
        _ => ("Pulling the account's records from the server", 80),
    });

    private void ReportThroughFolder(EnrollmentStage stage) => Report(stage switch
    {
        EnrollmentStage.OpeningKit => ("Opening the emergency kit with the password (key derivation)", 10),
        EnrollmentStage.VerifyingAccount => ("Checking the kit against the folder's account verifier", 60),
        EnrollmentStage.CreatingVault => ("Creating the local vault", 70),
        _ => ("Pulling the account's records from the folder", 80),
    });

    private void Report((string Status, int Percent) step) =>
        WriteProgress(new ProgressRecord(ProgressId, "Connect-MSecureAccount", step.Status) { PercentComplete = step.Percent });
}
