using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using MSecure.Cli.Infrastructure;
using MSecure.Cli.Output;
using MSecure.Core.Records;
using MSecure.Core.Vault;

namespace MSecure.Cli.Commands;

/// <summary>
/// `msecure set &lt;record&gt; --field NAME[=VALUE] ...`: sets fields, creating the record when it
/// does not exist. A field given without a value takes it from standard input (or --value-file);
/// a secret field never takes its value from an argument.
/// </summary>
internal static class SetCommand
{
    internal static Command Create()
    {
        Argument<string> name = new("record") { Description = "The record's name; created when no record has it" };
        Option<string[]> fields = new("--field", "-f")
        {
            Description = "NAME=VALUE for a non-secret field, or NAME alone: that value is read from standard input (or --value-file). Repeatable",
            HelpName = "NAME[=VALUE]",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        Option<string?> valueFile = new("--value-file") { Description = "Read the value of the field given without a value from this file (instead of standard input)", HelpName = "PATH" };
        Option<RecordTemplate> template = new("--template") { Description = "The template of a new record", DefaultValueFactory = _ => RecordTemplate.Login };
        Option<FieldKind?> kind = new("--kind") { Description = "The kind of a field the record and template do not have yet (default Text)" };
        Command command = new("set", "Sets fields of a record (creating it): values from standard input or a file, never secret values as arguments")
        {
            name, fields, valueFile, template, kind,
        };
        CommandActions.Bind(command, context =>
        {
            string recordName = context.Parsed.GetValue(name)!;
            List<FieldSpec> specs = FieldSpec.ParseAll(context.Parsed.GetValue(fields)!);
            VaultSession session = context.Vaults.Unlocked(context.VaultPath);
            Record? existing = session.FindByName(recordName);
            RecordDraft draft = existing is null ? RecordDraft.FromTemplate(recordName, context.Parsed.GetValue(template)) : RecordDraft.From(existing);
            var written = new List<string>();
            foreach (FieldSpec spec in specs)
            {
                FieldKind? newKind = draft.Fields.Exists(f => string.Equals(f.Label, spec.Label, StringComparison.OrdinalIgnoreCase)) ? null : context.Parsed.GetValue(kind);
                if (spec.Value is { } inline)
                {
                    draft.SetField(spec.Label, inline, newKind);
                    if (IsSecret(draft, spec.Label))
                    {
                        throw CliException.Usage($"The field '{RecordFields.Shown(spec.Label)}' is secret: give it as --field {RecordFields.Shown(spec.Label)} and its value on standard input or with --value-file, never as an argument.");
                    }
                }
                else
                {
                    using SecretText value = ReadValue(context, context.Parsed.GetValue(valueFile));
                    draft.SetField(spec.Label, value.Span.ToString(), newKind);
                }

                written.Add(spec.Label);
            }

            Record record = existing is null ? session.Add(draft) : session.Update(existing.Id, draft, existing.Revision);
            if (context.Json)
            {
                CliContext.WriteJson(new SetJson(record.Id, record.Name, record.Revision, existing is null, written), CliJsonContext.Output.SetJson);
            }
            else
            {
                CliContext.Out.WriteLine($"{(existing is null ? "Created" : "Updated")} '{RecordFields.Shown(record.Name)}' (revision {record.Revision}).");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool IsSecret(RecordDraft draft, string label) =>
        draft.Fields.Find(f => string.Equals(f.Label, label, StringComparison.OrdinalIgnoreCase))?.IsSecret == true;

    private static SecretText ReadValue(CliContext context, string? file)
    {
        if (file is null)
        {
            return context.StandardInput.TakeRest() ?? throw CliException.Usage("A field was given without a value, and standard input has none left.");
        }

        try
        {
            using var input = new SecretInput(() => File.OpenRead(file));
            return input.TakeRest() ?? SecretText.Copy(default);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliException.FileUnreadable(file, exception);
        }
    }

    /// <summary>One --field: a label, and a value unless it comes from standard input or a file.</summary>
    private sealed record FieldSpec(string Label, string? Value)
    {
        internal static List<FieldSpec> ParseAll(string[] texts)
        {
            var specs = new List<FieldSpec>();
            int withoutValue = 0;
            foreach (string text in texts)
            {
                int equals = text.IndexOf('=', StringComparison.Ordinal);
                var spec = equals < 0 ? new FieldSpec(text, null) : new FieldSpec(text[..equals], text[(equals + 1)..]);
                if (spec.Label.Length == 0)
                {
                    throw CliException.Usage("A --field needs a name: --field NAME[=VALUE].");
                }

                withoutValue += spec.Value is null ? 1 : 0;
                specs.Add(spec);
            }

            return withoutValue > 1
                ? throw CliException.Usage("Only one --field may take its value from standard input or --value-file.")
                : specs;
        }
    }
}
