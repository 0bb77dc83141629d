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

/// <summary>Changes the given properties of a record, as of the revision it read (or the one piped in).</summary>
[Cmdlet(VerbsCommon.Set, "MSecureRecord", DefaultParameterSetName = RecordParameterSets.Name, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MSecureRecord))]
public sealed class SetMSecureRecordCommand : RecordChangeCommand
{
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

    /// <summary>Replaces the notes. A String, or a SecureString to keep them out of the command line.</summary>
    [Parameter]
    [AllowEmptyString]
    public object? Notes { get; set; }

    /// <summary>Marks the record as a favorite; -Favorite:$false unmarks it.</summary>
    [Parameter]
    public SwitchParameter Favorite { get; set; }

    /// <summary>Writes the changed record.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Changes one record.</summary>
    protected override void ProcessRecord() => RunOnRecord(() =>
    {
        VaultReference vault = ResolveVault();
        string path = vault.Path;
        using SessionLease<VaultSession> lease = AccessKeyRecords.Writable(vault);
        VaultSession session = lease.Session;
        Record current = RecordLookup.Find(session, Name, Id, path);
        RecordDraft draft = RecordDraft.From(current);
        draft.Name = NewName ?? draft.Name;
        RecordEdits.Apply(draft, UserName, Password, Url, Field, Tag, Notes, MyInvocation.BoundParameters.ContainsKey(nameof(Favorite)) ? Favorite.IsPresent : null, WriteWarning);
        if (ShouldProcess($"{TerminalText.Of(current.Name)} ({TerminalText.VaultNameOf(path)})", "Update record"))
        {
            Record updated = session.Update(current.Id, draft, RevisionToExpect(current.Revision));
            if (PassThru)
            {
                WriteObject(RecordOutput.From(updated, path, asPlainText: false));
            }
        }
    });
}
