using System.Linq;
using MSecure.Core.Backup;
using MSecure.PowerShell.Formatting;
using MSecure.PowerShell.Models;

namespace MSecure.PowerShell.Backups;

/// <summary>The module's objects for the engine's backup results (record names made safe for the terminal).</summary>
internal static class BackupOutput
{
    internal static MSecureBackupRestore From(BackupRestoreResult result, string path, string vault) =>
        new(path, vault, result.Mode.ToString(), result.CreatedAt, result.DryRun)
        {
            Records = result.Records,
            Revisions = result.Revisions,
            Added = result.Added,
            Updated = result.Updated,
            Merged = result.Merged,
            Restored = result.Restored,
            Unchanged = result.Unchanged,
            SkippedDuplicates = result.SkippedDuplicates.Select(TerminalText.Of).ToArray(),
            Renamed = result.Renamed.Select(TerminalText.Of).ToArray(),
        };
}
