using System.CommandLine;
using System.IO;
using MSecure.Cli.Infrastructure;
using MSecure.Cli.Output;
using MSecure.Core.Kit.Printing;

namespace MSecure.Cli.Commands;

/// <summary>`msecure kit [--format F] [--out PATH] [--force]`: exports the unlocked vault's emergency kit.</summary>
internal static class KitCommand
{
    internal static Command Create()
    {
        Option<string?> format = new("--format") { Description = "text (default), terminal (a QR code drawn with characters), html, png or svg; default by the --out extension" };
        format.AcceptOnlyFromAmong(KitFileWriter.Formats);
        Option<string?> output = new("--out", "-o") { Description = "Write the kit to this file (required for html, png and svg); owner-only, never over an existing file unless --force", HelpName = "PATH" };
        Option<bool> force = new("--force") { Description = "Replace an existing file" };
        Command command = new("kit", "Exports the emergency kit (the wrapped Account Key: keep it like the vault file)") { format, output, force };
        CommandActions.Bind(command, context =>
        {
            string? path = context.Parsed.GetValue(output) is { } given ? Path.GetFullPath(given) : null;
            string chosen = KitFileWriter.FormatFor(context.Parsed.GetValue(format), path);
            if (path is null && KitFileWriter.NeedsFile(chosen))
            {
                throw CliException.Usage($"The {chosen} format is a file: give --out PATH.");
            }

            string vaultPath = context.VaultPath;
            EmergencyKitSheet sheet = KitFileWriter.SheetOf(context.Vaults.Unlocked(vaultPath).GetEmergencyKit());
            if (path is not null)
            {
                KitFileWriter.Write(sheet, chosen, path, context.Parsed.GetValue(force));
                if (context.Json)
                {
                    CliContext.WriteJson(new KitWrittenJson(vaultPath, path, chosen), CliJsonContext.Output.KitWrittenJson);
                }
                else
                {
                    CliContext.Out.WriteLine($"Wrote the emergency kit ({chosen}) to '{path}'.");
                }
            }
            else if (context.Json)
            {
                CliContext.WriteJson(new KitTextJson(vaultPath, sheet.KitText), CliJsonContext.Output.KitTextJson);
            }
            else
            {
                CliContext.Out.WriteLine(KitFileWriter.RenderText(sheet, chosen));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
