using System.Collections;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Records;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Records;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Adds a record to an unlocked vault.</summary>
[Cmdlet(VerbsCommon.New, "MSecureRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MSecureRecord))]
public sealed class NewMSecureRecordCommand : VaultCommand
{
    /// <summary>The record's name, unique in the vault ignoring case.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>The record's template, which gives its default fields.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateSet("Login", "CreditCard", "BankAccount", "EmailAccount", "SecureNote", "Identity", "SoftwareLicense", "WirelessRouter", "Membership", "Passport", "DriversLicense", "Insurance", "SocialSecurity", "ServerDatabase", IgnoreCase = true)]
    public string Template { get; set; } = string.Empty;

    /// <summary>The user name, in the template's user name field.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserName { get; set; }

    /// <summary>The password, in the template's password field.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SecureString? Password { get; set; }

    /// <summary>The web address, in the template's web address field.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Url { get; set; }

    /// <summary>Other fields: label = value; a SecureString value makes a new field secret.</summary>
    [Parameter]
    public IDictionary? Field { get; set; }

    /// <summary>The record's tags.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? Tag { get; set; }

    /// <summary>The record's notes. A String, or a SecureString to keep them out of the command line.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public object? Notes { get; set; }

    /// <summary>Marks the record as a favorite.</summary>
    [Parameter]
    public SwitchParameter Favorite { get; set; }

    /// <summary>Writes the new record.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Adds one record.</summary>
    protected override void ProcessRecord() => Run(() => Name, () =>
    {
        VaultReference vault = ResolveVault();
        string path = vault.Path;
        using SessionLease<VaultSession> lease = AccessKeyRecords.Writable(vault);
        VaultSession session = lease.Session;
        RecordDraft draft = RecordDraft.FromTemplate(Name, RecordTemplateNames.Parse(Template));
        RecordEdits.Apply(draft, UserName, Password, Url, Field, Tag, Notes, Favorite ? true : null, WriteWarning);
        if (ShouldProcess($"{TerminalText.Of(Name)} ({TerminalText.VaultNameOf(path)})", "Add record"))
        {
            Record record = session.Add(draft);
            if (PassThru)
            {
                WriteObject(RecordOutput.From(record, path, asPlainText: false));
            }
        }
    });
}
