using MSecure.Cli.Infrastructure;
using MSecure.Core.Records;

namespace MSecure.Cli.Output;

/// <summary>Writes one field's value (read, get --field): masked first, then plain or as JSON.</summary>
internal static class FieldOutput
{
    internal static void Write(CliContext context, string vault, Record record, RecordField field, bool newline = true)
    {
        if (context.Json)
        {
            context.Mask.Mask(field.Value);
            CliContext.WriteJson(new FieldValueJson(vault, record.Name, field.Label, RecordFields.NameOf(field.Kind), field.IsSecret, field.Value),
                CliJsonContext.Output.FieldValueJson);
        }
        else
        {
            context.WriteSecretLine(field.Value, newline);
        }
    }
}
