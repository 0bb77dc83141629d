using System;
using System.Management.Automation;
using MSecure.Core.Accounts;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Accounts;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Registers the unlocked vault's account on an MSecure account server and records the server in the vault.</summary>
[Cmdlet(VerbsLifecycle.Register, "MSecureAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MSecureAccountServer))]
public sealed class RegisterMSecureAccountCommand : AccountCommand
{
    /// <summary>The account server's address (https://host:port/).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public Uri? Server { get; set; }

    /// <summary>The SHA-256 fingerprint of the server's certificate to pin (64 hex digits, ':' optional).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? CertificateThumbprint { get; set; }

    /// <summary>An invite code, for a server that registers by invitation only.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? InviteCode { get; set; }

    /// <summary>This device's name on the server (default: the machine name).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DeviceName { get; set; }

    /// <summary>Registers the account.</summary>
    protected override void ProcessRecord() => RunOnUnlockedVault((path, session) =>
    {
        Uri server = AccountServerParameters.Server(Server!);
        string? thumbprint = AccountServerParameters.Thumbprint(CertificateThumbprint);
        string deviceName = AccountServerParameters.DeviceName(DeviceName);
        if (ShouldProcess(TerminalText.Of(path), $"Register the account on '{TerminalText.Of(server.ToString())}' as device '{TerminalText.Of(deviceName)}'"))
        {
            ServerBinding binding = session.RegisterAccount(server, thumbprint, deviceName, InviteCode);
            WriteObject(AccountOutput.From(binding, path));
        }
    });
}
