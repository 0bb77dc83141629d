using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace MSecure.Cli.Infrastructure;

/// <summary>
/// Reports command-line errors (exit code 2) without echoing what was typed: a secret pasted as
/// an argument by mistake (for example `--password hunter2`) must not reach a CI log. Quoted
/// tokens in the parser's messages are shown only when they are a command or option name.
/// </summary>
internal static partial class UsageErrors
{
    internal static int Report(ParseResult parsed, RootCommand root)
    {
        HashSet<string> known = KnownNames(root);
        var messages = new List<string>();
        foreach (ParseError error in parsed.Errors)
        {
            messages.Add(Quoted().Replace(error.Message, match => known.Contains(match.Groups[1].Value) ? match.Value : "'(not shown)'"));
        }

        ErrorReporter.Write("Usage", "InvalidArgument", ExitCodes.Usage, string.Join(" ", messages) + " See 'msecure --help'.", parsed.GetValue(GlobalOptions.Json));
        return ExitCodes.Usage;
    }

    private static HashSet<string> KnownNames(Command root)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var pending = new Stack<Command>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            Command command = pending.Pop();
            names.Add(command.Name);
            foreach (Option option in command.Options)
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }

            foreach (Argument argument in command.Arguments)
            {
                names.Add(argument.Name);
            }

            foreach (Command sub in command.Subcommands)
            {
                pending.Push(sub);
            }
        }

        return names;
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
