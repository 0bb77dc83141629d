using System.CommandLine;
using System.IO;
using MSecure.Cli.Infrastructure;
using MSecure.Cli.Output;
using MSecure.Core.Cryptography;
using MSecure.Core.Vault;

namespace MSecure.Cli.Commands;

/// <summary>`msecure init --email E --kit-out PATH`: creates a vault and writes its emergency kit.</summary>
internal static class InitCommand
{
    internal static Command Create()
    {
        Option<string> email = new("--email") { Description = "The account's email address", Required = true };
        Option<string> kitOut = new("--kit-out") { Description = "Where to write the emergency kit (.html, .png, .svg or text by extension)", Required = true, HelpName = "PATH" };
        Option<uint?> kdfMemory = new("--kdf-memory-kib") { Description = "Argon2id memory in KiB (default 65536; at least 19456)", Hidden = true };
        Option<uint?> kdfPasses = new("--kdf-passes") { Description = "Argon2id passes (default 3)", Hidden = true };
        Option<uint?> kdfLanes = new("--kdf-lanes") { Description = "Argon2id lanes (default 4)", Hidden = true };
        Option<bool> allowWeak = new("--allow-weak-password") { Description = "Accept a password that breaks the vault password policy (tests, throwaway vaults)" };
        Command command = new("init", "Creates a new vault (a new Account Key wrapped by the password) and writes its emergency kit")
        {
            email, kitOut, kdfMemory, kdfPasses, kdfLanes, allowWeak,
        };
        CommandActions.Bind(command, context =>
        {
            string path = VaultFile.EnsureAbsent(context.VaultPath);
            string kitPath = Path.GetFullPath(context.Parsed.GetValue(kitOut)!);
            string format = KitFileWriter.FormatFor(null, kitPath);
            KitFileWriter.EnsureWritable(kitPath, force: false);
            KdfParameters defaults = KdfParameters.Default;
            var kdf = new KdfParameters(defaults.Algorithm, context.Parsed.GetValue(kdfMemory) ?? defaults.MemoryKiB,
                context.Parsed.GetValue(kdfPasses) ?? defaults.Passes, context.Parsed.GetValue(kdfLanes) ?? defaults.Lanes);
            if (!VaultLocations.IsPath(context.Parsed.GetValue(GlobalOptions.Vault) ?? string.Empty))
            {
                VaultLocations.EnsureDefaultDirectory();
            }

            using VaultCreation creation = VaultFile.Create(path, context.Parsed.GetValue(email)!, context.Vaults.Password(path), kdf, context.Parsed.GetValue(allowWeak));
            KitFileWriter.Write(KitFileWriter.SheetOf(creation.Kit), format, kitPath, force: false);
            if (context.Json)
            {
                CliContext.WriteJson(new KitWrittenJson(path, kitPath, format), CliJsonContext.Output.KitWrittenJson);
            }
            else
            {
                CliContext.Out.WriteLine($"Created the vault '{path}'. Its emergency kit is in '{kitPath}': print it and keep it safe.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
