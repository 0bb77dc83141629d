using System.CommandLine;
using MSecure.Cli.Infrastructure;
using MSecure.Cli.Output;
using MSecure.Core.Records;
using MSecure.Core.Vault;

namespace MSecure.Cli.Commands;

/// <summary>`msecure rm &lt;record&gt;`: removes a record (its history stays in the vault).</summary>
internal static class RemoveCommand
{
    internal static Command Create()
    {
        Argument<string> name = new("record") { Description = "The record's name (ignoring case)" };
        Command command = new("rm", "Removes a record") { name };
        CommandActions.Bind(command, context =>
        {
            VaultSession session = context.Vaults.Unlocked(context.VaultPath);
            Record record = RecordFields.Find(new SessionRecordSource(session), context.Parsed.GetValue(name)!);
            session.Remove(record.Id, record.Revision);
            if (context.Json)
            {
                CliContext.WriteJson(new RemovedJson(record.Id, record.Name, Removed: true), CliJsonContext.Output.RemovedJson);
            }
            else
            {
                CliContext.Out.WriteLine($"Removed '{RecordFields.Shown(record.Name)}'.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
