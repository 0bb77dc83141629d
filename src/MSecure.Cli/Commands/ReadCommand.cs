using System.CommandLine;
using MSecure.Cli.Infrastructure;
using MSecure.Cli.Output;
using MSecure.Core.Records;

namespace MSecure.Cli.Commands;

/// <summary>`msecure read msecure://vault/record/field`: prints one field's value.</summary>
internal static class ReadCommand
{
    internal static Command Create()
    {
        Argument<string> reference = new("reference") { Description = "msecure://<vault>/<record>/<field> (parts percent-encoded)" };
        Option<bool> noNewline = new("--no-newline", "-n") { Description = "Do not end the value with a line break" };
        Command command = new("read", "Prints the value of one field, named by a secret reference") { reference, noNewline };
        CommandActions.Bind(command, context =>
        {
            SecretReference parsed = SecretReference.Parse(context.Parsed.GetValue(reference)!);
            string vaultPath = parsed.VaultPath(context.ChosenVaultPath);
            Record record = RecordFields.Find(context.Vaults.Readable(vaultPath), parsed.Record);
            RecordField field = RecordFields.Field(record, parsed.Field);
            FieldOutput.Write(context, parsed.Vault, record, field, newline: !context.Parsed.GetValue(noNewline));
            return ExitCodes.Ok;
        });
        return command;
    }
}
