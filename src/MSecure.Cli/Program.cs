using System.CommandLine;
using MSecure.Cli.Commands;
using MSecure.Cli.Infrastructure;

// msecure: the MSecure vault from any shell. Every command and option, the JSON shapes and the
// exit codes are documented in docs/cli.md.
RootCommand root = new("msecure: read and write MSecure vaults from any shell (see docs/cli.md)")
{
    ReadCommand.Create(),
    GetCommand.Create(),
    ListCommand.Create(),
    SetCommand.Create(),
    RemoveCommand.Create(),
    InitCommand.Create(),
    RunCommand.Create(),
    KitCommand.Create(),
    PasswdCommand.Create(),
    SyncCommand.Create(),
    EnrollCommand.Create(),
    UnlockCommand.Create(),
    LockCommand.Create(),
};
foreach (Option option in GlobalOptions.All)
{
    root.Options.Add(option);
}

// No response files: an @file argument is never expanded (it could read a file the user did not mean to pass).
ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
return parsed.Errors.Count > 0
    ? UsageErrors.Report(parsed, root)
    : parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
