using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using MSecure.Cli.Infrastructure;
using MSecure.Cli.Output;
using MSecure.Core.Sync;
using MSecure.Core.Vault;

namespace MSecure.Cli.Commands;

/// <summary>`msecure sync [--folder PATH [--compact]] [--accept-server-rollback]`: syncs with the account server or a shared folder.</summary>
internal static class SyncCommand
{
    internal static Command Create()
    {
        Option<string?> folder = new("--folder") { Description = "Sync through this shared folder instead of the account server", HelpName = "PATH" };
        Option<bool> compact = new("--compact") { Description = "With --folder: also rewrite this device's changes as one compaction file" };
        Option<bool> acceptRollback = new("--accept-server-rollback") { Description = "After SyncRolledBack (the server was restored from a backup): send everything again" };
        Command command = new("sync", "Syncs the vault with its account server, or through a shared folder") { folder, compact, acceptRollback };
        CommandActions.Bind(command, context =>
        {
            VaultSession session = context.Vaults.Unlocked(context.VaultPath);
            SyncResult result = context.Parsed.GetValue(folder) is { } path
                ? session.SyncFolder(Path.GetFullPath(path), context.Parsed.GetValue(compact))
                : session.Sync(acceptServerRollback: context.Parsed.GetValue(acceptRollback));
            Write(result, context.Json);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The sync's result as --json writes it.</summary>
    internal static SyncJson ToJson(SyncResult result) => new(result.Method.ToString(), result.Source, result.Pulled, result.Pushed,
        [.. result.Conflicts.Select(c => new ConflictJson(c.RecordId, c.Name, c.Resolution))],
        [.. result.Warnings.Select(w => new WarningJson(w.File, w.Reason))], result.Duration.TotalSeconds);

    /// <summary>Writes the result: JSON, or a summary line plus one line per conflict and warning.</summary>
    internal static void Write(SyncResult result, bool json)
    {
        if (json)
        {
            CliContext.WriteJson(ToJson(result), CliJsonContext.Output.SyncJson);
            return;
        }

        CliContext.Out.WriteLine($"Synced with {RecordFields.Shown(result.Source)}: {result.Pulled} pulled, {result.Pushed} pushed, {result.Conflicts.Count} conflicts.");
        foreach (SyncConflict conflict in result.Conflicts)
        {
            CliContext.Out.WriteLine($"conflict: '{RecordFields.Shown(conflict.Name)}': {RecordFields.Shown(conflict.Resolution)}");
        }

        foreach (SyncWarning warning in result.Warnings)
        {
            Console.Error.WriteLine($"msecure: warning: {RecordFields.Shown(warning.File)}: {RecordFields.Shown(warning.Reason)}");
        }
    }
}
