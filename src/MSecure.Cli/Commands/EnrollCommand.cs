using System;
using System.CommandLine;
using System.IO;
using MSecure.Cli.Infrastructure;
using MSecure.Cli.Output;
using MSecure.Core.Accounts;
using MSecure.Core.Kit.Reading;
using MSecure.Core.Sync;
using MSecure.Core.Vault;

namespace MSecure.Cli.Commands;

/// <summary>
/// `msecure enroll --email E --kit-file PATH (--server URL [--fingerprint F] [--device-name N] | --folder PATH)`:
/// enrolls this device in an existing account (like Connect-MSecureAccount): the kit is opened
/// locally with the password and checked against the account before the vault is created.
/// </summary>
internal static class EnrollCommand
{
    internal static Command Create()
    {
        Option<string> email = new("--email") { Description = "The account's email address", Required = true };
        Option<string> kitFile = new("--kit-file") { Description = "The emergency kit: a text file, the printed HTML page, or a PNG/JPEG of its QR code", Required = true, HelpName = "PATH" };
        Option<string?> server = new("--server") { Description = "The account server's address (https://host:port)", HelpName = "URL" };
        Option<string?> fingerprint = new("--fingerprint") { Description = "The SHA-256 fingerprint of the server's certificate to pin (64 hex digits)" };
        Option<string?> deviceName = new("--device-name") { Description = "This device's name on the server (default: the machine name)" };
        Option<string?> folder = new("--folder") { Description = "Enroll from the account's shared sync folder instead of a server", HelpName = "PATH" };
        Command command = new("enroll", "Creates this device's vault for an existing account, from its emergency kit and the password")
        {
            email, kitFile, server, fingerprint, deviceName, folder,
        };
        CommandActions.Bind(command, context =>
        {
            string path = VaultFile.EnsureAbsent(context.VaultPath);
            Uri? serverUri = context.Parsed.GetValue(server) is { } address ? ParseAddress(address) : null;
            string? folderPath = context.Parsed.GetValue(folder) is { } given ? Path.GetFullPath(given) : null;
            if ((serverUri is null) == (folderPath is null))
            {
                throw CliException.Usage("Give either --server or --folder.");
            }

            string kitText = KitFileReader.ReadKitText(Path.GetFullPath(context.Parsed.GetValue(kitFile)!));
            string accountEmail = context.Parsed.GetValue(email)!;
            if (!VaultLocations.IsPath(context.Parsed.GetValue(GlobalOptions.Vault) ?? string.Empty))
            {
                VaultLocations.EnsureDefaultDirectory();
            }

            using VaultCreation creation = serverUri is not null
                ? AccountEnrollment.Enroll(path, serverUri, context.Parsed.GetValue(fingerprint), accountEmail, kitText, context.Vaults.Password(path),
                    context.Parsed.GetValue(deviceName) ?? DeviceNames.Default)
                : FolderEnrollment.Enroll(path, folderPath!, kitText, context.Vaults.Password(path), accountEmail);
            SyncResult? sync = creation.InitialSync;
            if (context.Json)
            {
                CliContext.WriteJson(new EnrolledJson(path, creation.Kit.Email, creation.Kit.AccountId, sync is null ? null : SyncCommand.ToJson(sync)),
                    CliJsonContext.Output.EnrolledJson);
            }
            else
            {
                CliContext.Out.WriteLine($"Enrolled: created the vault '{path}'.");
                if (sync is not null)
                {
                    SyncCommand.Write(sync, json: false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Uri ParseAddress(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out Uri? uri) ? ServerAddress.Normalize(uri) : throw CliException.Usage("--server must be an absolute https:// address.");
}
