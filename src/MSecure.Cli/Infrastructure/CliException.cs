using System;
using MSecure.Core.Errors;

namespace MSecure.Cli.Infrastructure;

/// <summary>
/// A failure of the CLI itself (not of the engine): a stable code name as the error's id, the
/// exit code, and a message that never holds a secret.
/// </summary>
internal sealed class CliException : Exception
{
    internal CliException(string code, int exitCode, string message)
        : base(message)
    {
        Code = code;
        ExitCode = exitCode;
    }

    internal CliException(string code, int exitCode, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
        ExitCode = exitCode;
    }

    /// <summary>The stable error id (for example PasswordRequired, FieldNotFound).</summary>
    internal string Code { get; }

    /// <summary>The process exit code (<see cref="ExitCodes"/>).</summary>
    internal int ExitCode { get; }

    /// <summary>The error's class, named like the engine's categories.</summary>
    internal string Category => ExitCode switch
    {
        ExitCodes.Usage => nameof(MSecureErrorCategory.InvalidArgument),
        ExitCodes.Locked => nameof(MSecureErrorCategory.InvalidOperation),
        ExitCodes.NotFound => nameof(MSecureErrorCategory.ObjectNotFound),
        ExitCodes.Conflict => nameof(MSecureErrorCategory.ResourceExists),
        ExitCodes.InvalidData => nameof(MSecureErrorCategory.InvalidData),
        _ => "Other",
    };

    internal static CliException Usage(string message) => new("Usage", ExitCodes.Usage, message);

    internal static CliException PasswordRequired(string vault) => new("PasswordRequired", ExitCodes.Locked,
        $"The vault '{vault}' is locked and no password was given: use --password-stdin, --password-file, --password-env (default MSECURE_PASSWORD) or a session token in MSECURE_SESSION.");

    internal static CliException RecordNotFound(string name) => new("RecordNotFound", ExitCodes.NotFound, $"No record is named '{name}'.");

    internal static CliException FieldNotFound(string record, string field) => new("FieldNotFound", ExitCodes.NotFound, $"The record '{record}' has no field '{field}'.");

    internal static CliException FileUnreadable(string path, Exception cause) => new("FileUnreadable", ExitCodes.Generic, $"The file '{path}' cannot be read: {cause.GetType().Name}.", cause);
}
