using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using MSecure.PowerShell.Errors;

namespace MSecure.PowerShell.Secrets;

/// <summary>
/// Where a cmdlet's password comes from, in order: <c>-Password</c>, <c>-Credential</c>,
/// <c>-PasswordFile</c> (<c>-</c>: one line of redirected standard input), <c>-PasswordVariable</c>
/// (at most one of these four), the <c>MSECURE_PASSWORD</c> environment variable, and a prompt only
/// when the host is interactive. Otherwise the cmdlet stops with ErrorId PasswordRequired: a
/// script never hangs on a prompt.
/// </summary>
internal static class PasswordSource
{
    /// <summary>The environment variable read when no password parameter is given.</summary>
    internal const string EnvironmentVariable = "MSECURE_PASSWORD";

    /// <summary>The -PasswordFile value that reads one line of standard input.</summary>
    internal const string StandardInput = "-";

    /// <summary>Gets the password or stops <paramref name="cmdlet"/> with a terminating error.</summary>
    /// <param name="cmdlet">The running cmdlet (for paths, warnings, the host and errors).</param>
    /// <param name="password">-Password.</param>
    /// <param name="credential">-Credential.</param>
    /// <param name="passwordFile">-PasswordFile, a PowerShell path, or "-" for standard input.</param>
    /// <param name="passwordVariable">-PasswordVariable, the name of an environment variable.</param>
    /// <param name="prompt">The prompt text, for an interactive host.</param>
    /// <param name="target">The error target (the vault).</param>
    internal static SecureString Get(PSCmdlet cmdlet, SecureString? password, PSCredential? credential, string? passwordFile, string? passwordVariable,
        string prompt, object? target)
    {
        int given = (password is null ? 0 : 1) + (credential is null ? 0 : 1) + (passwordFile is null ? 0 : 1) + (passwordVariable is null ? 0 : 1);
        if (given > 1)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordSourceConflict, ErrorCategory.InvalidArgument,
                "Give the password one way only: -Password, -Credential, -PasswordFile or -PasswordVariable.", target));
        }

        if (password is not null)
        {
            return password;
        }

        if (credential is not null)
        {
            return credential.Password;
        }

        if (passwordFile == StandardInput)
        {
            return FromStandardInput(cmdlet, target);
        }

        if (passwordFile is not null)
        {
            return FromFile(cmdlet, passwordFile);
        }

        if (passwordVariable is not null)
        {
            return FromVariable(cmdlet, passwordVariable, target);
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return SecureStrings.FromSpan(fromEnvironment, $"The {EnvironmentVariable} environment variable");
        }

        SecureString? prompted = Prompt(cmdlet.Host, prompt);
        if (prompted is null)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordRequired, ErrorCategory.InvalidArgument,
                $"A password is required and this session cannot prompt for one. Use -Password, -Credential, -PasswordFile (- reads standard input) or -PasswordVariable, or set {EnvironmentVariable}.",
                target));
        }

        return prompted!;
    }

    /// <summary>
    /// Gets a NEW password (a vault's first, or the one Set-MSecurePassword sets) from the same
    /// sources; a prompt asks twice and compares. Stops <paramref name="cmdlet"/> with
    /// PasswordEmpty when it is empty, PasswordMismatch when the two answers differ.
    /// </summary>
    internal static SecureString GetNew(PSCmdlet cmdlet, SecureString? password, PSCredential? credential, string? passwordFile, string? passwordVariable,
        string prompt, object? target)
    {
        if (password is null && credential is null && passwordFile is null && passwordVariable is null
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)))
        {
            return PromptNew(cmdlet, prompt, target);
        }

        SecureString result = Get(cmdlet, password, credential, passwordFile, passwordVariable, prompt, target);
        EnsureNotEmpty(cmdlet, result, target);
        return result;
    }

    /// <summary>Asks twice for a new password (interactive hosts only); PasswordRequired when the host cannot prompt.</summary>
    internal static SecureString PromptNew(PSCmdlet cmdlet, string prompt, object? target)
    {
        SecureString? first = CanPrompt(cmdlet.Host) ? ReadSecret(cmdlet.Host, prompt) : null;
        if (first is null)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordRequired, ErrorCategory.InvalidArgument,
                $"A new password is required and this session cannot prompt for one. Give it as a SecureString parameter, or with -Credential, -PasswordFile or {EnvironmentVariable} where the command takes them.",
                target));
        }

        EnsureNotEmpty(cmdlet, first, target);
        SecureString? second = ReadSecret(cmdlet.Host, "Confirm: " + prompt);
        if (second is null || !SecureStrings.AreEqual(first!, second))
        {
            first!.Dispose();
            second?.Dispose();
            cmdlet.ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordMismatch, ErrorCategory.InvalidArgument,
                "The passwords typed differ. Nothing was changed.", target));
        }

        second!.Dispose();
        return first!;
    }

    /// <summary>PasswordEmpty unless <paramref name="password"/> has characters.</summary>
    internal static void EnsureNotEmpty(PSCmdlet cmdlet, SecureString? password, object? target)
    {
        if (password is null || password.Length == 0)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordEmpty, ErrorCategory.InvalidArgument, "The new password is empty.", target));
        }
    }

    /// <summary>The environment variable <paramref name="name"/>; PasswordVariableNotSet when it is unset or empty (its value is never shown).</summary>
    private static SecureString FromVariable(PSCmdlet cmdlet, string name, object? target)
    {
        string? value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(value))
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordVariableNotSet, ErrorCategory.InvalidArgument,
                $"The environment variable '{Formatting.TerminalText.Of(name)}' named by -PasswordVariable is not set or is empty.", target));
        }

        return SecureStrings.FromSpan(value, $"The environment variable '{Formatting.TerminalText.Of(name)}'");
    }

    /// <summary>
    /// One line of standard input (-PasswordFile -), read unbuffered so nothing after it is consumed.
    /// PasswordInputNotRedirected when standard input is a terminal: a script must not stop on an invisible read.
    /// </summary>
    private static SecureString FromStandardInput(PSCmdlet cmdlet, object? target)
    {
        if (!Console.IsInputRedirected)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordInputNotRedirected, ErrorCategory.InvalidOperation,
                "-PasswordFile - reads the password from redirected standard input, and standard input is a terminal. Pipe the password in (for example: printf '%s\\n' \"$SECRET\" | pwsh -File job.ps1), or use another password source.",
                target));
        }

        PasswordFile.Outcome outcome;
        SecureString? password;
        try
        {
            using Stream input = Console.OpenStandardInput();
            outcome = PasswordFile.Read(input, oneLine: true, out password);
        }
        catch (IOException exception)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordFileUnreadable, ErrorCategory.ReadError,
                $"Standard input cannot be read: {exception.Message}", target, exception));
            throw;
        }

        EnsureRead(cmdlet, outcome, "The first line of standard input", target);
        return password!;
    }

    private static SecureString FromFile(PSCmdlet cmdlet, string passwordFile)
    {
        string path = cmdlet.GetUnresolvedProviderPathFromPSPath(passwordFile);
        PasswordFile.Outcome outcome;
        SecureString? password;
        try
        {
            outcome = PasswordFile.Read(path, out password);
            if (outcome == PasswordFile.Outcome.Read && PasswordFile.IsReadableByOthers(path))
            {
                cmdlet.WriteWarning($"The password file '{Formatting.TerminalText.Of(path)}' can be read by other users. Restrict it with: chmod 600 '{Formatting.TerminalText.Of(path)}'");
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordFileUnreadable, ErrorCategory.ReadError,
                $"The password file '{path}' cannot be read: {exception.Message}", path, exception));
            throw;
        }

        EnsureRead(cmdlet, outcome, $"The password file '{path}'", path);
        return password!;
    }

    /// <summary>PasswordFileInvalid unless <paramref name="outcome"/> is Read; <paramref name="source"/> starts the message.</summary>
    private static void EnsureRead(PSCmdlet cmdlet, PasswordFile.Outcome outcome, string source, object? target)
    {
        if (outcome != PasswordFile.Outcome.Read)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Module(ModuleErrorIds.PasswordFileInvalid, ErrorCategory.InvalidData,
                outcome switch
                {
                    PasswordFile.Outcome.Empty => $"{source} holds no password.",
                    PasswordFile.Outcome.TooLarge => $"{source} is larger than {PasswordFile.MaxBytes / 1024} KiB: it is not a password.",
                    _ => $"{source} is not UTF-8 text.",
                },
                target));
        }
    }

    /// <summary>A non-empty answer read from <paramref name="host"/> when it can prompt; otherwise null.</summary>
    internal static SecureString? Prompt(PSHost? host, string prompt)
    {
        if (!CanPrompt(host))
        {
            return null;
        }

        SecureString? answer = ReadSecret(host, prompt);
        return answer is { Length: > 0 } ? answer : null;
    }

    /// <summary>Whether <paramref name="host"/> is known to be interactive (see <see cref="Interactivity"/>).</summary>
    internal static bool CanPrompt(PSHost? host) => Interactivity.CanPrompt(
        hostName: host?.Name,
        hasUserInterface: host?.UI is not null,
        isInputRedirected: Console.IsInputRedirected,
        commandLine: Environment.GetCommandLineArgs());

    internal static SecureString? ReadSecret(PSHost? host, string prompt)
    {
        try
        {
            PSHostUserInterface ui = host!.UI;
            ui.Write(prompt + ": ");
            return ui.ReadLineAsSecureString();
        }
        catch (Exception exception) when (exception is PSInvalidOperationException or HostException or NotImplementedException or PSNotImplementedException)
        {
            // A host that says it cannot read (for example pwsh -NonInteractive) is non-interactive.
            return null;
        }
    }
}
