using System;
using System.Collections.Generic;

namespace MSecure.PowerShell.Secrets;

/// <summary>
/// Whether the module may prompt: only in a host known to be interactive. That is pwsh's
/// ConsoleHost with a real console (input not redirected, not <c>-NonInteractive</c>), or a
/// host on <see cref="InteractiveHosts"/> (editors). Never in a background job or a remoting
/// session (ServerRemoteHost), a hosted runspace ("Default Host") or any host not listed: a prompt
/// there could block forever.
/// </summary>
internal static class Interactivity
{
    private static readonly string[] ScriptArguments = ["c", "command", "f", "file", "e", "ec", "encodedcommand", "cwa", "commandwithargs"];

    private static readonly string[] ArgumentsWithValues =
    [
        "workingdirectory", "wd", "executionpolicy", "ex", "ep", "outputformat", "o", "of", "inputformat", "inp", "if",
        "configurationname", "config", "configurationfile", "settingsfile", "settings", "custompipename", "windowstyle", "w",
    ];

    /// <summary>pwsh's console host, whose input is standard input.</summary>
    internal const string ConsoleHost = "ConsoleHost";

    /// <summary>Hosts other than <see cref="ConsoleHost"/> that a person answers: the VS Code and ISE hosts.</summary>
    internal static readonly string[] InteractiveHosts = ["Visual Studio Code Host", "Windows PowerShell ISE Host"];

    /// <summary>Whether a prompt can be shown and answered.</summary>
    /// <param name="hostName">The host's name (<c>$Host.Name</c>).</param>
    /// <param name="hasUserInterface">The host has a UI.</param>
    /// <param name="isInputRedirected">Standard input is redirected.</param>
    /// <param name="commandLine">The process's command line (<see cref="Environment.GetCommandLineArgs"/>).</param>
    internal static bool CanPrompt(string? hostName, bool hasUserInterface, bool isInputRedirected, IReadOnlyList<string> commandLine)
    {
        if (!hasUserInterface || hostName is null)
        {
            return false;
        }

        if (string.Equals(hostName, ConsoleHost, StringComparison.Ordinal))
        {
            return !isInputRedirected && !HasNonInteractiveSwitch(commandLine);
        }

        return Array.IndexOf(InteractiveHosts, hostName) >= 0;
    }

    /// <summary>
    /// Whether pwsh was started with <c>-NonInteractive</c> (or an abbreviation down to
    /// <c>-noni</c>), looking only at pwsh's own arguments: those before the command or file.
    /// </summary>
    internal static bool HasNonInteractiveSwitch(IReadOnlyList<string> commandLine)
    {
        for (int i = 1; i < commandLine.Count; i++)
        {
            string argument = commandLine[i];
            if (argument.Length < 2 || (argument[0] != '-' && argument[0] != '/'))
            {
                return false;
            }

            string name = argument.TrimStart('-', '/').ToLowerInvariant();
            if (name.Length >= 4 && "noninteractive".StartsWith(name, StringComparison.Ordinal))
            {
                return true;
            }

            if (Array.IndexOf(ScriptArguments, name) >= 0)
            {
                return false;
            }

            if (Array.IndexOf(ArgumentsWithValues, name) >= 0)
            {
                i++;
            }
        }

        return false;
    }
}
