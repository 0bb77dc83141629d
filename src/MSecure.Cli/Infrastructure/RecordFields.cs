using System;
using MSecure.Core.Records;

namespace MSecure.Cli.Infrastructure;

/// <summary>Finding records and fields by name, with the CLI's not-found errors.</summary>
internal static class RecordFields
{
    /// <summary>The record named <paramref name="name"/>; RecordNotFound otherwise.</summary>
    internal static Record Find(IRecordSource source, string name) =>
        source.FindByName(name) ?? throw CliException.RecordNotFound(Shown(name));

    /// <summary>The field labelled <paramref name="label"/> (ignoring case); FieldNotFound otherwise.</summary>
    internal static RecordField Field(Record record, string label) =>
        record.GetField(label) ?? throw CliException.FieldNotFound(Shown(record.Name), Shown(label));

    /// <summary>Text safe to show on a terminal (control characters escaped).</summary>
    internal static string Shown(string text) => DisplayText.Neutralize(text) ?? string.Empty;

    /// <summary>The template's or kind's name as the JSON shapes write it.</summary>
    internal static string NameOf<T>(T value)
        where T : struct, Enum => value.ToString();
}
