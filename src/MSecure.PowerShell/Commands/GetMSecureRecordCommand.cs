using System;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Access;
using MSecure.Core.Errors;
using MSecure.Core.Masking;
using MSecure.Core.Records;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Records;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Gets records of an unlocked vault by exact name, wildcard, id or search; or one field, or a credential.</summary>
[Cmdlet(VerbsCommon.Get, "MSecureRecord", DefaultParameterSetName = RecordParameterSets.Name)]
[OutputType(typeof(MSecureRecord), typeof(PSCredential), typeof(SecureString), typeof(string))]
public sealed class GetMSecureRecordCommand : VaultCommand
{
    /// <summary>Record names; wildcards search. Default: every record.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Name, Position = 0)]
    [ArgumentCompleter(typeof(RecordNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Record ids.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Id, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public Guid[]? Id { get; set; }

    /// <summary>Only records of this template.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Name)]
    [ValidateSet("Login", "CreditCard", "BankAccount", "EmailAccount", "SecureNote", "Identity", "SoftwareLicense", "WirelessRouter", "Membership", "Passport", "DriversLicense", "Insurance", "SocialSecurity", "ServerDatabase", IgnoreCase = true)]
    public string? Template { get; set; }

    /// <summary>Only records with this tag.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Name)]
    [ValidateNotNullOrEmpty]
    public string? Tag { get; set; }

    /// <summary>Only records with this text in the name, notes, tags or a field that is not secret.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Name)]
    [ValidateNotNullOrEmpty]
    public string? Text { get; set; }

    /// <summary>Writes the value of this field instead of the record.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Field { get; set; }

    /// <summary>Writes a PSCredential of the record's user name and password instead of the record.</summary>
    [Parameter]
    public SwitchParameter AsCredential { get; set; }

    /// <summary>Secret values as Strings instead of SecureStrings.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>
    /// Registers every secret value written with this CI system's log masking before writing it:
    /// GitHubActions (::add-mask::), AzurePipelines (##vso[task.setsecret]) or None. Default: detected
    /// from GITHUB_ACTIONS / TF_BUILD.
    /// </summary>
    [Parameter]
    [ValidateSet(RecordMasking.GitHubActions, RecordMasking.AzurePipelines, RecordMasking.None, IgnoreCase = true)]
    public string? MaskFor { get; set; }

    /// <summary>
    /// Reads with this read-only access key (its token) instead of an unlocked vault. Without it, the
    /// token in MSECURE_ACCESS_KEY is used when the vault is not unlocked in this process.
    /// </summary>
    [Parameter]
    public SecureString? AccessKey { get; set; }

    /// <summary>Refuses -Field with -AsCredential.</summary>
    protected override void BeginProcessing()
    {
        if (AsCredential && Field is not null)
        {
            ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.ParameterConflict, ErrorCategory.InvalidArgument, "Use -Field or -AsCredential, not both.", null));
        }
    }

    /// <summary>Writes the matching records for one input.</summary>
    protected override void ProcessRecord() => Run(() => Vault, () =>
    {
        if (AccessKey is not null)
        {
            WriteWithAccessKey();
            return;
        }

        VaultReference vault = ResolveVault();
        string path = vault.Path;
        SessionLease<VaultSession> lease;
        try
        {
            lease = VaultAccess.Unlocked(vault);
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.VaultLocked or MSecureErrorCode.VaultNotFound && AccessKeyRecords.InEnvironment)
        {
            WriteWithAccessKey();
            return;
        }

        using (lease)
        {
            SecretLogMask mask = RecordMasking.For(MaskFor);
            foreach ((object target, Func<Record> read) in RecordLookup.Select(lease.Session, path, Id, Name, Template, Tag, Text))
            {
                Run(() => target, () =>
                {
                    Record record = read();
                    object output = RecordOutput.Shape(record, path, Field, AsCredential, AsPlainText);
                    RecordMasking.MaskOutput(mask, record, Field, AsCredential);
                    WriteObject(output);
                });
            }
        }
    });

    /// <summary>Writes the matching records the access key (-AccessKey, else MSECURE_ACCESS_KEY) may read.</summary>
    private void WriteWithAccessKey()
    {
        string? vaultPath = null;
        try
        {
            vaultPath = ResolveVault().Path;
        }
        catch (MSecureException)
        {
            // A key that reads through its server needs no vault.
        }
        catch (ModuleException)
        {
            // Likewise.
        }

        using AccessKeyReader reader = AccessKeyRecords.Open(AccessKey, vaultPath);
        SecretLogMask mask = RecordMasking.For(MaskFor);
        foreach ((object target, Func<Record> read) in AccessKeyRecords.Select(reader, Id, Name, Template, Tag, Text))
        {
            Run(() => target, () =>
            {
                Record record = read();
                object output = RecordOutput.Shape(record, reader.Source, Field, AsCredential, AsPlainText);
                RecordMasking.MaskOutput(mask, record, Field, AsCredential);
                WriteObject(output);
            });
        }
    }
}
