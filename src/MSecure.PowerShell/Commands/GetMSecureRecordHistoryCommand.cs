using System;
using System.Management.Automation;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Records;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Gets the earlier versions of a record, newest first (also of a removed record, by id).</summary>
[Cmdlet(VerbsCommon.Get, "MSecureRecordHistory", DefaultParameterSetName = RecordParameterSets.Name)]
[OutputType(typeof(MSecureRecord))]
public sealed class GetMSecureRecordHistoryCommand : PSCmdlet
{
    /// <summary>The record's exact name.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Name, Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(RecordNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The record's id.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Id, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public Guid Id { get; set; }

    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("VaultPath")]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>Secret values as Strings instead of SecureStrings.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>Writes the earlier versions of one record.</summary>
    protected override void ProcessRecord()
    {
        try
        {
            string path = VaultTarget.ResolveVault(this, Vault);
            VaultSession session = VaultAccess.Unlocked(path);
            Guid id = Id != Guid.Empty ? Id : RecordLookup.Find(session, Name, null, path).Id;
            foreach (Record version in session.GetHistory(id))
            {
                WriteObject(RecordOutput.From(version, path, AsPlainText));
            }
        }
        catch (MSecureException exception)
        {
            WriteError(ErrorRecords.From(exception, Name ?? (object)Id));
        }
    }
}
