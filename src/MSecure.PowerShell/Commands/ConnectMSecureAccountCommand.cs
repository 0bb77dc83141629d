using System;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Accounts;
using MSecure.Core.Kit.Reading;
using MSecure.Core.Vault;
using MSecure.PowerShell.Accounts;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Secrets;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Enrolls this device in an existing account: opens the emergency kit locally with the password,
/// signs in to the account server, checks the account's verifier, and only then creates the local
/// vault (same Account Key, the server recorded), left unlocked like New-MSecureVault leaves it.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "MSecureAccount", DefaultParameterSetName = KitTextSet, SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MSecureVaultInfo))]
public sealed class ConnectMSecureAccountCommand : VaultSessionCommand
{
    private const string KitTextSet = "KitText";
    private const string KitPathSet = "KitPath";
    private const int ProgressId = 7;

    /// <summary>The account server's address.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNull]
    public Uri? Server { get; set; }

    /// <summary>The account's email address (as printed on the kit; case and surrounding spaces do not matter).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Email { get; set; } = string.Empty;

    /// <summary>The emergency kit's text (MSK-...).</summary>
    [Parameter(ParameterSetName = KitTextSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? KitText { get; set; }

    /// <summary>A file holding the kit: a text file, the printable HTML page, or a PNG/JPEG photo or screenshot of its QR code.</summary>
    [Parameter(ParameterSetName = KitPathSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? KitPath { get; set; }

    /// <summary>The SHA-256 fingerprint of the server's certificate to pin (64 hex digits, ':' optional).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CertificateThumbprint { get; set; }

    /// <summary>This device's name on the server (default: the machine name).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DeviceName { get; set; }

    /// <summary>Enrolls and creates the vault.</summary>
    protected override void ProcessRecord() => RunOnVault((path, timeout) =>
    {
        Uri server = AccountServerParameters.Server(Server!);
        string? thumbprint = AccountServerParameters.Thumbprint(CertificateThumbprint);
        string deviceName = AccountServerParameters.DeviceName(DeviceName);
        VaultFile.EnsureAbsent(path);
        string kitText = KitText ?? KitFileReader.ReadKitText(GetUnresolvedProviderPathFromPSPath(KitPath!));
        if (!ShouldProcess(TerminalText.Of(path), $"Enroll this device as '{TerminalText.Of(deviceName)}' in the account on '{TerminalText.Of(server.ToString())}' and create the vault"))
        {
            return;
        }

        SecureString password = ReadPassword($"Password of the account '{TerminalText.Of(Email)}'", path);
        string email = Email;
        try
        {
            VaultCreation creation = SecureStrings.Use(password, characters =>
                AccountEnrollment.Enroll(path, server, thumbprint, email, kitText, characters, deviceName, progress: Report));
            VaultSessions.Cache.Add(path, creation.Session, timeout);
            WriteObject(VaultInfoOutput.From(creation.Session.Info, VaultTarget.DefaultPathForDisplay(this, WriteWarning)));
        }
        finally
        {
            WriteProgress(new ProgressRecord(ProgressId, "Connect-MSecureAccount", "Done") { RecordType = ProgressRecordType.Completed });
        }
    });

    private void Report(EnrollmentStage stage)
    {
        (string status, int percent) = stage switch
        {
            EnrollmentStage.OpeningKit => ("Opening the emergency kit with the password (key derivation)", 10),
            EnrollmentStage.SigningIn => ("Signing in to the account server", 60),
            EnrollmentStage.VerifyingAccount => ("Downloading and checking the account's verifier", 75),
            _ => ("Creating the local vault", 85),
        };
        WriteProgress(new ProgressRecord(ProgressId, "Connect-MSecureAccount", status) { PercentComplete = percent });
    }
}
