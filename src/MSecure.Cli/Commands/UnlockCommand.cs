using System;
using System.CommandLine;
using MSecure.Cli.Infrastructure;
using MSecure.Cli.Output;
using MSecure.Core.Sessions;
using MSecure.Core.Vault;

namespace MSecure.Cli.Commands;

/// <summary>
/// `msecure unlock [--lifetime 01:00:00]`: unlocks with the password and prints a session token
/// for MSECURE_SESSION, which later msecure processes (and PowerShell) of the same job use
/// without the KDF until it expires or `msecure lock` ends it.
/// </summary>
internal static class UnlockCommand
{
    internal static Command Create()
    {
        Option<TimeSpan?> lifetime = new("--lifetime") { Description = "How long the token works (hh:mm:ss, at most 24:00:00; default 01:00:00)" };
        Command command = new("unlock", $"Unlocks the vault and prints a session token for {SessionHandOff.EnvironmentVariable} (like `bw unlock --raw`)") { lifetime };
        CommandActions.Bind(command, context =>
        {
            string vaultPath = context.VaultPath;
            VaultSession session;
            using (VaultFile file = VaultFile.Open(vaultPath))
            {
                session = file.Unlock(context.Vaults.Password(vaultPath));
            }

            using (session)
            using (SessionToken token = SessionHandOff.Issue(session, context.Parsed.GetValue(lifetime) ?? SessionHandOff.DefaultLifetime))
            {
                context.Mask.Mask(token.Text);
                if (context.Json)
                {
                    CliContext.WriteJson(new SessionJson(vaultPath, token.Text.ToString(), token.Expires, SessionHandOff.EnvironmentVariable), CliJsonContext.Output.SessionJson);
                }
                else
                {
                    CliContext.Out.WriteLine(token.Text);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
