using System.CommandLine;
using System.Linq;
using MSecure.Cli.Infrastructure;
using MSecure.Cli.Output;
using MSecure.Core.Records;

namespace MSecure.Cli.Commands;

/// <summary>`msecure list [pattern]`: the names of the records (never a value).</summary>
internal static class ListCommand
{
    internal static Command Create()
    {
        Argument<string?> pattern = new("pattern") { Description = "A wildcard pattern on names (* ? [a-z]), ignoring case; all records when omitted", Arity = ArgumentArity.ZeroOrOne };
        Command command = new("list", "Lists the records' names, one per line") { pattern };
        CommandActions.Bind(command, context =>
        {
            var summaries = context.Vaults.Readable(context.VaultPath).List(context.Parsed.GetValue(pattern)).OrderBy(s => s.Name, System.StringComparer.OrdinalIgnoreCase).ToList();
            if (context.Json)
            {
                CliContext.WriteJson(summaries.Select(s => new SummaryJson(s.Id, s.Name, RecordFields.NameOf(s.Template), s.Tags, s.IsFavorite, s.ModifiedAt, s.Revision)).ToList(),
                    CliJsonContext.Output.ListSummaryJson);
            }
            else
            {
                foreach (RecordSummary summary in summaries)
                {
                    CliContext.Out.WriteLine(RecordFields.Shown(summary.Name));
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
