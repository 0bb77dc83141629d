using System;
using System.Collections;
using System.Collections.Generic;
using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using MSecure.Cli.Infrastructure;
using MSecure.Core.Records;

namespace MSecure.Cli.Commands;

/// <summary>
/// `msecure run -- &lt;command&gt; [args]`: starts the command with every environment variable whose
/// value is a secret reference (msecure://vault/record/field) replaced by the secret, in the
/// CHILD's environment only (this process's own environment is never changed), masks each value
/// first, and exits with the child's exit code.
/// </summary>
internal static class RunCommand
{
    internal static Command Create()
    {
        Argument<string[]> commandLine = new("command") { Description = "The command and its arguments (after --)", Arity = ArgumentArity.OneOrMore };
        Command command = new("run", "Runs a command with the msecure:// references in its environment replaced by their secrets (for that command only)") { commandLine };
        CommandActions.Bind(command, context =>
        {
            string[] arguments = context.Parsed.GetValue(commandLine)!;
            var start = new ProcessStartInfo(arguments[0]) { UseShellExecute = false };
            for (int i = 1; i < arguments.Length; i++)
            {
                start.ArgumentList.Add(arguments[i]);
            }

            ResolveReferences(context, start.Environment);
            if (context.Password.VariableInUse is { } passwordVariable)
            {
                // The child gets the secrets it referenced, not the key to all of them.
                start.Environment.Remove(passwordVariable);
            }

            // Locked before the child starts: the vault is free for it (it may run msecure itself).
            context.Vaults.Dispose();
            return RunChild(start);
        });
        return command;
    }

    private static void ResolveReferences(CliContext context, IDictionary<string, string?> childEnvironment)
    {
        string? chosenVault = context.Parsed.GetValue(GlobalOptions.Vault) is null ? null : context.VaultPath;
        var references = new List<(string Name, SecretReference Reference)>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && variable.Value is string value && SecretReference.LooksLikeOne(value))
            {
                references.Add((name, SecretReference.Parse(value)));
            }
        }

        references.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach ((string name, SecretReference reference) in references)
        {
            Record record = RecordFields.Find(context.Vaults.Readable(reference.VaultPath(chosenVault)), reference.Record);
            string secret = RecordFields.Field(record, reference.Field).Value;
            context.Mask.Mask(secret);
            childEnvironment[name] = secret;
        }
    }

    private static int RunChild(ProcessStartInfo start)
    {
        Process child;
        try
        {
            child = Process.Start(start) ?? throw new CliException("CommandNotStarted", ExitCodes.CommandNotStarted, "The command could not be started.");
        }
        catch (Win32Exception exception)
        {
            throw new CliException("CommandNotStarted", ExitCodes.CommandNotStarted, $"The command '{start.FileName}' could not be started (not found or not executable).", exception);
        }

        // Ctrl+C reaches the whole process group: the child decides; this process waits for it.
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => signal.Cancel = true);
        using PosixSignalRegistration quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, signal => signal.Cancel = true);
        using (child)
        {
            child.WaitForExit();
            return child.ExitCode;
        }
    }
}
