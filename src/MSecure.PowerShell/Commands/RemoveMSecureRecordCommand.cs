using System;
using System.Management.Automation;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Records;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Removes a record from an unlocked vault; its versions stay in its history.</summary>
[Cmdlet(VerbsCommon.Remove, "MSecureRecord", DefaultParameterSetName = RecordParameterSets.Name, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveMSecureRecordCommand : PSCmdlet
{
    /// <summary>The record's exact name.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Name, Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(RecordNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>The record's id.</summary>
    [Parameter(ParameterSetName = RecordParameterSets.Id, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public Guid Id { get; set; }

    /// <summary>Fails with RecordRevisionConflict unless the record is still at this revision.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Revision")]
    [ValidateRange(1, long.MaxValue)]
    public long ExpectedRevision { get; set; }

    /// <summary>The vault's name or path (default: the default vault).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("VaultPath")]
    [ArgumentCompleter(typeof(VaultNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>Removes one record.</summary>
    protected override void ProcessRecord()
    {
        try
        {
            string path = VaultTarget.ResolveVault(this, Vault);
            VaultSession session = VaultAccess.Unlocked(path);
            Record record = RecordLookup.Find(session, Name, Id, path);
            if (ShouldProcess($"{record.Name} ({VaultLocations.NameOf(path)})", "Remove record"))
            {
                session.Remove(record.Id, ExpectedRevision > 0 ? ExpectedRevision : record.Revision);
            }
        }
        catch (MSecureException exception)
        {
            WriteError(ErrorRecords.From(exception, Name ?? (object)Id));
        }
    }
}
