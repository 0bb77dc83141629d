using System;
using System.Management.Automation;
using MSecure.Core.Masking;
using MSecure.Core.Records;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Records;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Gets the earlier versions of a record, newest first (also of a removed record, by id).</summary>
[Cmdlet(VerbsCommon.Get, "MSecureRecordHistory", DefaultParameterSetName = RecordParameterSets.Name)]
[OutputType(typeof(MSecureRecord))]
public sealed class GetMSecureRecordHistoryCommand : RecordCommand
{
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

    /// <summary>Writes the earlier versions of one record.</summary>
    protected override void ProcessRecord() => RunOnRecord(() =>
    {
        VaultReference vault = ResolveVault();
        string path = vault.Path;
        using SessionLease<VaultSession> lease = VaultAccess.Unlocked(vault);
        VaultSession session = lease.Session;
        Guid id = Id != Guid.Empty ? Id : RecordLookup.Find(session, Name, null, path).Id;
        SecretLogMask mask = RecordMasking.For(MaskFor);
        foreach (Record version in session.GetHistory(id))
        {
            MSecureRecord output = RecordOutput.From(version, path, AsPlainText);
            RecordMasking.MaskRecord(mask, version);
            WriteObject(output);
        }
    });
}
