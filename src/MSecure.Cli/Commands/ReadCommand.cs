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
            string vaultPath = parsed.VaultPath(context.Parsed.GetValue(GlobalOptions.Vault) is null ? null : context.VaultPath);
            Record record = RecordFields.Find(context.Vaults.Readable(vaultPath), parsed.Record);
            RecordField field = RecordFields.Field(record, parsed.Field);
            if (context.Json)
            {
                context.Mask.Mask(field.Value);
                CliContext.WriteJson(new FieldValueJson(parsed.Vault, record.Name, field.Label, RecordFields.NameOf(field.Kind), field.IsSecret, field.Value),
                    CliJsonContext.Output.FieldValueJson);
            }
            else
            {
                context.WriteSecretLine(field.Value, newline: !context.Parsed.GetValue(noNewline));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
