using System;
using System.Linq;
using System.Management.Automation;
using MSecure.Core.Sync;
using MSecure.Core.Vault;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;

namespace MSecure.PowerShell.Sync;

/// <summary>How the cmdlets that sync show what a sync did: its result object, a warning per ignored folder file, a verbose line per conflict.</summary>
internal static class SyncOutput
{
    /// <summary>The name of the note property that carries the sync's result on the output of Connect-MSecureAccount and Reset-MSecureAccountKey.</summary>
    internal const string SyncPropertyName = "Sync";

    /// <summary>The module's view of <paramref name="result"/>, a sync of the vault at <paramref name="vaultPath"/>.</summary>
    internal static MSecureSyncResult From(SyncResult result, string vaultPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new MSecureSyncResult(vaultPath, VaultLocations.NameOf(vaultPath),
            result.Method == SyncMethod.Folder ? MSecureSyncMethod.Folder : MSecureSyncMethod.Server,
            result.Source, result.Pulled, result.Pushed,
            result.Conflicts.Select(c => new MSecureSyncConflict(c.RecordId, c.Name, c.Resolution)).ToArray(),
            result.Warnings.Select(w => new MSecureSyncWarning(w.File, w.Reason)).ToArray(),
            result.Duration);
    }

    /// <summary>Writes a warning for each folder file the sync ignored and a verbose line for each conflict it resolved.</summary>
    internal static void Tell(Cmdlet cmdlet, SyncResult result)
    {
        ArgumentNullException.ThrowIfNull(cmdlet);
        ArgumentNullException.ThrowIfNull(result);
        foreach (SyncWarning warning in result.Warnings)
        {
            cmdlet.WriteWarning($"Sync ignored the folder file '{TerminalText.Of(warning.File)}': {TerminalText.Of(warning.Reason)}");
        }

        foreach (SyncConflict conflict in result.Conflicts)
        {
            cmdlet.WriteVerbose($"Conflict on record '{TerminalText.Of(conflict.Name)}' ({conflict.RecordId}): {TerminalText.Of(conflict.Resolution)}");
        }

        cmdlet.WriteVerbose(Summary(result));
    }

    /// <summary>The counts of a sync in one line, for a verbose message.</summary>
    internal static string Summary(SyncResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string through = result.Method == SyncMethod.Folder ? "the folder" : "the account server";
        return FormattableString.Invariant(
            $"Synced with {through} '{TerminalText.Of(result.Source)}' in {result.Duration.TotalSeconds:F2} s: pulled {result.Pulled}, pushed {result.Pushed}, {result.Conflicts.Count} conflict(s), {result.Warnings.Count} ignored file(s).");
    }

    /// <summary>
    /// <paramref name="output"/> with a note property <see cref="SyncPropertyName"/> holding the
    /// module's view of <paramref name="result"/> (null when no sync ran).
    /// </summary>
    internal static PSObject WithSync(object output, SyncResult? result, string vaultPath)
    {
        PSObject wrapped = PSObject.AsPSObject(output);
        wrapped.Properties.Add(new PSNoteProperty(SyncPropertyName, result is null ? null : From(result, vaultPath)));
        return wrapped;
    }
}
