using System;
using System.Collections;
using System.Management.Automation;
using System.Security;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Records;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Changes the given properties of a record, as of the revision it read (or the one piped in).</summary>
[Cmdlet(VerbsCommon.Set, "MSecureRecord", DefaultParameterSetName = RecordParameterSets.Name, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MSecureRecord))]
public sealed class SetMSecureRecordCommand : PSCmdlet
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

    /// <summary>Renames the record.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NewName { get; set; }

    /// <summary>The user name, in the template's user name field.</summary>
    [Parameter]
    public string? UserName { get; set; }

    /// <summary>The password, in the template's password field.</summary>
    [Parameter]
    public SecureString? Password { get; set; }

    /// <summary>The web address, in the record's web address field.</summary>
    [Parameter]
    public string? Url { get; set; }

    /// <summary>Fields to set (label = value) or remove (label = $null).</summary>
    [Parameter]
    public IDictionary? Field { get; set; }

    /// <summary>Replaces the tags.</summary>
    [Parameter]
    [AllowEmptyCollection]
    public string[]? Tag { get; set; }

    /// <summary>Replaces the notes.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? Notes { get; set; }

    /// <summary>Marks the record as a favorite; -Favorite:$false unmarks it.</summary>
    [Parameter]
    public SwitchParameter Favorite { get; set; }

    /// <summary>Writes the changed record.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Changes one record.</summary>
    protected override void ProcessRecord()
    {
        try
        {
            string path = VaultTarget.ResolveVault(this, Vault);
            VaultSession session = VaultAccess.Unlocked(path);
            Record current = RecordLookup.Find(session, Name, Id, path);
            RecordDraft draft = RecordDraft.From(current);
            draft.Name = NewName ?? draft.Name;
            RecordEdits.Apply(draft, UserName, Password, Url, Field, Tag, Notes, MyInvocation.BoundParameters.ContainsKey(nameof(Favorite)) ? Favorite.IsPresent : null);
            if (!ShouldProcess($"{current.Name} ({VaultLocations.NameOf(path)})", "Update record"))
            {
                return;
            }

            Record updated = session.Update(current.Id, draft, ExpectedRevision > 0 ? ExpectedRevision : current.Revision);
            if (PassThru)
            {
                WriteObject(RecordOutput.From(updated, path, asPlainText: false));
            }
        }
        catch (MSecureException exception)
        {
            WriteError(ErrorRecords.From(exception, Name ?? (object)Id));
        }
    }
}
