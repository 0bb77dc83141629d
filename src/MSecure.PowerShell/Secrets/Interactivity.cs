using System;
using System.Collections.Generic;

namespace MSecure.PowerShell.Secrets;

/// <summary>Whether the module may prompt: never under <c>pwsh -NonInteractive</c>, with redirected input, or without a host UI.</summary>
internal static class Interactivity
{
    private static readonly string[] ScriptArguments = ["c", "command", "f", "file", "e", "ec", "encodedcommand", "cwa", "commandwithargs"];

    private static readonly string[] ArgumentsWithValues =
    [
        "workingdirectory", "wd", "executionpolicy", "ex", "ep", "outputformat", "o", "of", "inputformat", "inp", "if",
        "configurationname", "config", "configurationfile", "settingsfile", "settings", "custompipename", "windowstyle", "w",
    ];

    /// <summary>Whether a prompt can be shown and answered.</summary>
    /// <param name="hasUserInterface">The host has a UI.</param>
    /// <param name="isConsoleHost">The host is pwsh's console host (whose input is standard input).</param>
    /// <param name="isInputRedirected">Standard input is redirected.</param>
    /// <param name="commandLine">The process's command line (<see cref="Environment.GetCommandLineArgs"/>).</param>
    internal static bool CanPrompt(bool hasUserInterface, bool isConsoleHost, bool isInputRedirected, IReadOnlyList<string> commandLine) =>
        hasUserInterface
        && !(isConsoleHost && isInputRedirected)
        && !(isConsoleHost && HasNonInteractiveSwitch(commandLine));

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
