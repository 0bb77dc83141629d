using System;
using System.CommandLine;
using System.IO;
using MSecure.Cli.Infrastructure;
using MSecure.Cli.Output;
using MSecure.Core.Kit;
using MSecure.Core.Vault;

namespace MSecure.Cli.Commands;

/// <summary>
/// `msecure passwd --kit-out PATH`: changes the vault password (only the wrapped key changes) and
/// writes the new emergency kit. The current password comes from the usual sources, the new one
/// from --new-password-stdin / -file / -env (with both on standard input: current first, new second line).
/// </summary>
internal static class PasswdCommand
{
    internal static Command Create()
    {
        Option<bool> newStdin = new("--new-password-stdin") { Description = "Read the new password from standard input (the line after the current password, when that is there too)" };
        Option<string?> newFile = new("--new-password-file") { Description = "Read the new password from the first line of this file", HelpName = "PATH" };
        Option<string?> newEnv = new("--new-password-env") { Description = "Read the new password from this environment variable", HelpName = "NAME" };
        Option<string> kitOut = new("--kit-out") { Description = "Where to write the new emergency kit (.html, .png, .svg or text by extension); earlier kits stop working", Required = true, HelpName = "PATH" };
        Option<bool> allowWeak = new("--allow-weak-password") { Description = "Accept a new password that breaks the vault password policy" };
        Command command = new("passwd", "Changes the vault password and writes the new emergency kit") { newStdin, newFile, newEnv, kitOut, allowWeak };
        CommandActions.Bind(command, context =>
        {
            var newSource = new PasswordSource(context.Parsed.GetValue(newStdin), context.Parsed.GetValue(newFile), context.Parsed.GetValue(newEnv), null, "new password");
            string kitPath = Path.GetFullPath(context.Parsed.GetValue(kitOut)!);
            string format = KitFileWriter.FormatFor(null, kitPath);
            KitFileWriter.EnsureWritable(kitPath, force: false);
            string vaultPath = context.VaultPath;
            // The current password first: on standard input it is the first line, the new one the second.
            ReadOnlySpan<char> current = context.Vaults.Password(vaultPath);
            VaultSession session = context.Vaults.Unlocked(vaultPath);
            using SecretText newPassword = newSource.Read(context.StandardInput)
                ?? throw CliException.Usage("No new password was given: use --new-password-stdin, --new-password-file or --new-password-env.");
            EmergencyKit kit = session.ChangePassword(current, newPassword.Span, allowWeakPassword: context.Parsed.GetValue(allowWeak));

            KitFileWriter.Write(KitFileWriter.SheetOf(kit), format, kitPath, force: false);
            if (context.Json)
            {
                CliContext.WriteJson(new KitWrittenJson(vaultPath, kitPath, format), CliJsonContext.Output.KitWrittenJson);
            }
            else
            {
                CliContext.Out.WriteLine($"Changed the password of '{VaultPaths.NameOf(vaultPath)}'. The new emergency kit is in '{kitPath}': print it; earlier kits no longer open the vault.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
