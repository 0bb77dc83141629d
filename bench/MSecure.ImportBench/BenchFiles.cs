using System;
using System.IO;
using MSecure.Core.Records;
using MSecure.Core.Transfer;

namespace MSecure.ImportBench;

/// <summary>Writes the bench's rows as an import file, streaming, with the module's own plaintext export writers (which the import readers read back).</summary>
internal static class BenchFiles
{
    /// <summary>The formats measured, by their <see cref="ImportFormat"/> names.</summary>
    public static readonly string[] Formats = [nameof(ImportFormat.MSecureCsv), nameof(ImportFormat.BitwardenJson)];

    /// <summary>Writes <paramref name="rows"/> rows of <paramref name="format"/> to <paramref name="path"/>; returns why it cannot, or null.</summary>
    public static string? Write(string format, string path, int rows)
    {
        ExportFormat export = format == nameof(ImportFormat.MSecureCsv) ? ExportFormat.Csv : ExportFormat.BitwardenJson;
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        IRecordExportWriter writer;
        try
        {
            writer = RecordExportWriters.Open(export, stream);
        }
        catch (ArgumentOutOfRangeException)
        {
            return "no export writer for " + export + " to write the file with";
        }

        using (writer)
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            foreach (RecordDraft draft in BenchRows.Drafts(rows))
            {
                writer.Write(new Record(Guid.NewGuid(), 1, RecordValidation.Validate(draft), now, now));
            }

            writer.Complete();
        }

        return null;
    }
}
