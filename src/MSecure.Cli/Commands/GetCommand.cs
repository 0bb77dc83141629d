using System.CommandLine;
using System.Linq;
using MSecure.Cli.Infrastructure;
using MSecure.Cli.Output;
using MSecure.Core.Records;

namespace MSecure.Cli.Commands;

/// <summary>`msecure get &lt;record&gt; [--field NAME] [--reveal]`: a record, or one field's value.</summary>
internal static class GetCommand
{
    private const string Hidden = "********";

    internal static Command Create()
    {
        Argument<string> name = new("record") { Description = "The record's name (ignoring case)" };
        Option<string?> field = new("--field", "-f") { Description = "Print only this field's value (plain, like read)", HelpName = "NAME" };
        Option<bool> reveal = new("--reveal") { Description = "Show secret values and notes (hidden otherwise)" };
        Command command = new("get", "Prints a record (secret values hidden unless --reveal), or one field's value") { name, field, reveal };
        CommandActions.Bind(command, context =>
        {
            string vaultPath = context.VaultPath;
            Record record = RecordFields.Find(context.Vaults.Readable(vaultPath), context.Parsed.GetValue(name)!);
            if (context.Parsed.GetValue(field) is { } label)
            {
                WriteField(context, VaultPaths.NameOf(vaultPath), record, RecordFields.Field(record, label));
            }
            else
            {
                WriteRecord(context, record, context.Parsed.GetValue(reveal));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteField(CliContext context, string vault, Record record, RecordField field)
    {
        if (context.Json)
        {
            context.Mask.Mask(field.Value);
            CliContext.WriteJson(new FieldValueJson(vault, record.Name, field.Label, RecordFields.NameOf(field.Kind), field.IsSecret, field.Value),
                CliJsonContext.Output.FieldValueJson);
        }
        else
        {
            context.WriteSecretLine(field.Value);
        }
    }

    private static void WriteRecord(CliContext context, Record record, bool reveal)
    {
        if (reveal)
        {
            foreach (RecordField secret in record.Fields.Where(f => f.IsSecret))
            {
                context.Mask.Mask(secret.Value);
            }

            context.Mask.Mask(record.Notes);
        }

        if (context.Json)
        {
            CliContext.WriteJson(new RecordJson(record.Id, record.Name, RecordFields.NameOf(record.Template), record.Tags, record.IsFavorite,
                record.CreatedAt, record.ModifiedAt, record.Revision,
                [.. record.Fields.Select(f => new FieldJson(f.Label, RecordFields.NameOf(f.Kind), f.IsSecret, f.IsSecret && !reveal ? null : f.Value))],
                reveal ? record.Notes : null), CliJsonContext.Output.RecordJson);
            return;
        }

        var output = CliContext.Out;
        output.WriteLine($"name: {RecordFields.Shown(record.Name)}");
        output.WriteLine($"template: {record.Template}");
        if (record.Tags.Count > 0)
        {
            output.WriteLine($"tags: {RecordFields.Shown(string.Join(", ", record.Tags))}");
        }

        foreach (RecordField f in record.Fields)
        {
            string value = f.IsSecret && !reveal ? (f.Value.Length == 0 ? string.Empty : Hidden) : f.Value;
            output.WriteLine($"{RecordFields.Shown(f.Label)}: {(f.IsSecret ? value : RecordFields.Shown(value))}");
        }

        if (record.Notes.Length > 0)
        {
            output.WriteLine($"notes: {(reveal ? record.Notes : Hidden)}");
        }

        output.WriteLine($"modified: {record.ModifiedAt:O} (revision {record.Revision})");
    }
}
