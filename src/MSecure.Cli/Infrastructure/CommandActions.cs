using System;
using System.CommandLine;

namespace MSecure.Cli.Infrastructure;

/// <summary>Runs a command's body with its context, turning every failure into one error line and its exit code.</summary>
internal static class CommandActions
{
    internal static void Bind(Command command, Func<CliContext, int> body) => command.SetAction(parsed => Run(parsed, body));

    private static int Run(ParseResult parsed, Func<CliContext, int> body)
    {
        bool json = parsed.GetValue(GlobalOptions.Json);
        try
        {
            using var context = new CliContext(parsed);
            return body(context);
        }
#pragma warning disable CA1031 // The process boundary: every failure becomes one line and an exit code, never a stack trace that could quote input.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return ErrorReporter.Report(exception, json);
        }
    }
}
