using System.CommandLine;
using MSecure.Cli.Infrastructure;
using MSecure.Cli.Output;
using MSecure.Core.Sessions;

namespace MSecure.Cli.Commands;

/// <summary>`msecure lock [--all]`: ends the session of the token in MSECURE_SESSION (its sealed key file is deleted), or every session of the vault.</summary>
internal static class LockCommand
{
    internal static Command Create()
    {
        Option<bool> all = new("--all") { Description = "End every session of the vault, not only the one in MSECURE_SESSION" };
        Command command = new("lock", $"Ends the session of the token in {SessionHandOff.EnvironmentVariable} (or --all sessions of the vault)") { all };
        CommandActions.Bind(command, context =>
        {
            string vaultPath = context.VaultPath;
            int revoked = context.Parsed.GetValue(all)
                ? SessionHandOff.RevokeAll(vaultPath)
                : VaultAccess.SessionToken is { } token && SessionHandOff.Revoke(vaultPath, token) ? 1 : 0;
            if (context.Json)
            {
                CliContext.WriteJson(new LockJson(vaultPath, revoked), CliJsonContext.Output.LockJson);
            }
            else
            {
                CliContext.Out.WriteLine(revoked == 0 ? "No session to end." : $"Ended {revoked} session{(revoked == 1 ? string.Empty : "s")}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
