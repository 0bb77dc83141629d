using System.Management.Automation;
using MSecure.Core.Sync;
using MSecure.Core.Vault;
using MSecure.PowerShell.Commands.Bases;
using MSecure.PowerShell.Completers;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;
using MSecure.PowerShell.Sync;

namespace MSecure.PowerShell.Commands;

/// <summary>
/// Syncs the unlocked vault with the other devices of its account, through its account server or
/// through a shared folder: pulls and applies their changes, pushes this device's, until nothing is
/// left. Conflicting edits are both kept; ignored folder files are warnings.
/// </summary>
[Cmdlet(VerbsData.Sync, "MSecureVault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MSecureSyncResult))]
public sealed class SyncMSecureVaultCommand : AccountCommand
{
    private const int ProgressId = 8;

    /// <summary>The shared folder to sync through instead of the account server.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(FolderPathCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Folder { get; set; }

    /// <summary>With -Folder: after syncing, rewrites every change this device holds into one file and deletes the folder's batches it covers.</summary>
    [Parameter]
    public SwitchParameter Compact { get; set; }

    /// <summary>
    /// After SyncRolledBack (the server was restored from an older copy): sends every revision of every
    /// record again, so the server gets back what it lost, then pulls from the start.
    /// </summary>
    [Parameter]
    public SwitchParameter AcceptRollback { get; set; }

    /// <summary>Syncs one vault.</summary>
    protected override void ProcessRecord()
    {
        if (Compact && Folder is null)
        {
            WriteError(ErrorRecords.Module(ModuleErrorIds.ParameterConflict, ErrorCategory.InvalidArgument,
                "-Compact compacts the batches of a sync folder: give the folder with -Folder.", Vault));
            return;
        }

        if (AcceptRollback && Folder is not null)
        {
            WriteError(ErrorRecords.Module(ModuleErrorIds.ParameterConflict, ErrorCategory.InvalidArgument,
                "-AcceptRollback recovers from a restored account server; a folder keeps no change log to roll back: leave out -Folder or -AcceptRollback.", Vault));
            return;
        }

        RunOnUnlockedVault(Sync);
    }

    private void Sync(string path, VaultSession session)
    {
        string? folder = Folder is null ? null : GetUnresolvedProviderPathFromPSPath(Folder);
        string action = folder is not null
            ? $"Sync through the folder '{TerminalText.Of(folder)}'" + (Compact ? " and compact its batches" : string.Empty)
            : session.Info.Server is { } binding ? $"Sync with the account server '{TerminalText.Of(binding.Server.ToString())}'" : "Sync with its account server";
        if (AcceptRollback)
        {
            action += ", sending every record again to replace what the server lost";
        }

        if (!ShouldProcess(TerminalText.Of(path), action))
        {
            return;
        }

        var progress = new SyncProgressWriter(this, ProgressId, "Sync-MSecureVault");
        SyncResult result;
        try
        {
            result = folder is null ? session.Sync(progress.Report, AcceptRollback) : session.SyncFolder(folder, Compact, progress.Report);
        }
        finally
        {
            progress.Complete();
        }

        SyncOutput.Tell(this, result);
        WriteObject(SyncOutput.From(result, path));
    }
}
