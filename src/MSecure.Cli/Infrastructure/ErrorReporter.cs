using System;
using System.IO;
using MSecure.Cli.Output;
using MSecure.Core.Errors;

namespace MSecure.Cli.Infrastructure;

/// <summary>
/// Writes a failure to standard error as one line, `msecure: CODE: message`, or with --json as
/// one JSON document, and gives its exit code. Engine messages never hold a secret; for any other
/// exception only its type is named (its message could quote input).
/// </summary>
internal static class ErrorReporter
{
    internal static int Report(Exception exception, bool json)
    {
        (string code, string category, int exitCode, string message) = Describe(exception);
        Write(code, category, exitCode, message, json);
        return exitCode;
    }

    internal static void Write(string code, string category, int exitCode, string message, bool json)
    {
        string oneLine = message.ReplaceLineEndings(" ");
        TextWriter error = Console.Error;
        if (json)
        {
            error.WriteLine(System.Text.Json.JsonSerializer.Serialize(new ErrorJson(new ErrorBody(code, category, exitCode, oneLine)), CliJsonContext.Output.ErrorJson));
        }
        else
        {
            error.WriteLine($"msecure: {code}: {oneLine}");
        }

        error.Flush();
    }

    private static (string Code, string Category, int ExitCode, string Message) Describe(Exception exception) => exception switch
    {
        MSecureException engine => (engine.Code.ToString(), engine.Category.ToString(), ExitCodes.Of(engine.Code, engine.Category), engine.Message),
        CliException cli => (cli.Code, cli.Category, cli.ExitCode, cli.Message),
        IOException or UnauthorizedAccessException => ("IOError", "Other", ExitCodes.Generic, $"An input/output operation failed ({exception.GetType().Name})."),
        _ => ("InternalError", "Other", ExitCodes.Generic, $"Unexpected failure ({exception.GetType().Name})."),
    };
}
