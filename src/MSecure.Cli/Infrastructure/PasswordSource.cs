using System;
using System.IO;

namespace MSecure.Cli.Infrastructure;

/// <summary>
/// Where one password comes from: standard input, a file or an environment variable, never a
/// command-line argument. With none of them given, the default variable when it is set, else a
/// prompt on the terminal, and only when standard input is a terminal (never in a pipeline).
/// </summary>
internal sealed class PasswordSource
{
    private readonly bool _fromStdin;
    private readonly string? _file;
    private readonly string? _variable;
    private readonly string? _defaultVariable;
    private readonly string _what;

    /// <param name="fromStdin">--password-stdin (or its counterpart).</param>
    /// <param name="file">--password-file.</param>
    /// <param name="variable">--password-env: a variable that must be set.</param>
    /// <param name="defaultVariable">A variable used when set and nothing else was given (null: none).</param>
    /// <param name="what">What the password is, for the prompt and errors ("password", "new password").</param>
    internal PasswordSource(bool fromStdin, string? file, string? variable, string? defaultVariable, string what)
    {
        int given = (fromStdin ? 1 : 0) + (file is null ? 0 : 1) + (variable is null ? 0 : 1);
        if (given > 1)
        {
            throw CliException.Usage($"Give the {what} one way only: standard input, a file or an environment variable.");
        }

        _fromStdin = fromStdin;
        _file = file;
        _variable = variable;
        _defaultVariable = defaultVariable;
        _what = what;
    }

    /// <summary>Whether any source is there without prompting.</summary>
    internal bool IsAvailable => _fromStdin || _file is not null || _variable is not null || DefaultVariableValue() is not null;

    /// <summary>The variable the password is read from (so `run` can keep it from the child), or null.</summary>
    internal string? VariableInUse => _variable ?? (DefaultVariableValue() is null ? null : _defaultVariable);

    /// <summary>Reads the password; null when there is no source and no terminal to prompt on.</summary>
    /// <exception cref="CliException">The chosen source is empty or unreadable.</exception>
    internal SecretText? Read(SecretInput standardInput)
    {
        if (_fromStdin)
        {
            return NonEmpty(standardInput.TakeLine(), "standard input");
        }

        if (_file is not null)
        {
            return ReadFile(_file);
        }

        if (_variable is not null)
        {
            string value = Environment.GetEnvironmentVariable(_variable)
                ?? throw CliException.Usage($"The environment variable '{_variable}' named by --password-env is not set.");
            return NonEmpty(SecretText.Copy(value), $"the environment variable '{_variable}'");
        }

        if (DefaultVariableValue() is { } fallback)
        {
            return SecretText.Copy(fallback);
        }

        return Console.IsInputRedirected ? null : TerminalPrompt.ReadHidden($"{char.ToUpperInvariant(_what[0])}{_what[1..]}: ");
    }

    private string? DefaultVariableValue() =>
        _defaultVariable is null ? null : Environment.GetEnvironmentVariable(_defaultVariable) is { Length: > 0 } value ? value : null;

    private SecretText ReadFile(string path)
    {
        using var input = new SecretInput(() => OpenFile(path));
        return NonEmpty(input.TakeLine(), $"the file '{path}'");
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliException.FileUnreadable(path, exception);
        }
    }

    private SecretText NonEmpty(SecretText? password, string source)
    {
        if (password is null || password.Span.IsEmpty)
        {
            password?.Dispose();
            throw CliException.Usage($"No {_what} was found in {source}.");
        }

        return password;
    }
}
