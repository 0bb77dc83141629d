using System;
using System.IO;

namespace MSecure.Core.Transfer;

/// <summary>Opens the writer of an <see cref="ExportFormat"/>.</summary>
public static class RecordExportWriters
{
    /// <summary>A writer of <paramref name="format"/> onto <paramref name="output"/> (left open).</summary>
    public static IRecordExportWriter Open(ExportFormat format, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return format switch
        {
            ExportFormat.Csv => new Formats.MSecure.MSecureCsvWriter(output),
            ExportFormat.BitwardenJson => new Formats.Bitwarden.BitwardenJsonWriter(output),
            // Each format's writer is added here.
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No writer for this export format."),
        };
    }
}
