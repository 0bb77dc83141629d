using System.Management.Automation;
using MSecure.Core.Records;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Records;
using MSecure.PowerShell.Vaults;

namespace MSecure.PowerShell.Commands;

/// <summary>Removes a record from an unlocked vault; its versions stay in its history.</summary>
[Cmdlet(VerbsCommon.Remove, "MSecureRecord", DefaultParameterSetName = RecordParameterSets.Name, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveMSecureRecordCommand : RecordChangeCommand
{
    /// <summary>Removes one record.</summary>
    protected override void ProcessRecord() => RunOnRecord(() =>
    {
        VaultReference vault = ResolveVault();
        string path = vault.Path;
        using SessionLease<VaultSession> lease = AccessKeyRecords.Writable(vault);
        VaultSession session = lease.Session;
        Record record = RecordLookup.Find(session, Name, Id, path);
        if (ShouldProcess($"{TerminalText.Of(record.Name)} ({TerminalText.VaultNameOf(path)})", "Remove record"))
        {
            session.Remove(record.Id, RevisionToExpect(record.Revision));
        }
    });
}
