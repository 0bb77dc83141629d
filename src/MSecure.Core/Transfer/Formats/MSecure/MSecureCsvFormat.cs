using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace MSecure.Core.Transfer.Formats.MSecure;

/// <summary>
/// mSecure's CSV export: mSecure 6 (a marker line "mSecure6 CSV export file", then
/// <c>Title|recordId,Template,Tags,Note,Label|typeId|Value,…</c>; mSecure 5 wrote the same rows
/// without the marker) and the older <c>Group,Type,Description,Note,fields…</c> layout of mSecure 3
/// and 5 (ARCHITECTURE 19.2). Streams the file row by row.
/// </summary>
public sealed class MSecureCsvFormat : IImportFormat
{
    /// <inheritdoc />
    public ImportFormat Format => ImportFormat.MSecureCsv;

    /// <inheritdoc />
    public bool Recognizes(ImportSniff sniff)
    {
        ArgumentNullException.ThrowIfNull(sniff);
        try
        {
            using var head = new MemoryStream(sniff.Head.ToArray(), writable: false);
            int seen = 0;
            foreach (CsvRecord row in CsvRows.Read(head, CancellationToken.None))
            {
                if (row.IsBlank)
                {
                    continue;
                }

                if (seen == 0 && MarkerLayout(row) is not null)
                {
                    return true;
                }

                if (MSecure6Row.HasTypedField(row) || (row.Cells.Length >= 4 && MSecureLegacyLayouts.TryFind(row[1], out _, out _)))
                {
                    return true;
                }

                if (++seen == 3)
                {
                    return false;
                }
            }
        }
        catch (Exception exception) when (exception is Errors.MSecureException or IOException)
        {
            // A head cut inside a quoted cell: what was seen before decides.
        }

        return false;
    }

    /// <inheritdoc />
    public IEnumerable<ImportItem> Read(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadRows(input, cancellationToken);
    }

    private static IEnumerable<ImportItem> ReadRows(Stream input, CancellationToken cancellationToken)
    {
        MSecureCsvLayout layout = MSecureCsvLayout.PerRow;
        bool first = true;
        foreach (CsvRecord row in CsvRows.Read(input, cancellationToken))
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (first)
            {
                first = false;
                if (MarkerLayout(row) is { } marked)
                {
                    layout = marked;
                    continue;
                }
            }

            yield return IsMSecure6(row, layout) ? MSecure6Row.Read(row) : MSecureLegacyRow.Read(row);
        }
    }

    /// <summary>The layout a first line like "mSecure6 CSV export file" announces, or null when it is not such a line.</summary>
    private static MSecureCsvLayout? MarkerLayout(CsvRecord row)
    {
        string first = row[0].Trim();
        if (!first.StartsWith("mSecure", StringComparison.OrdinalIgnoreCase) || !first.Contains("export", StringComparison.OrdinalIgnoreCase) || first.Contains('|', StringComparison.Ordinal))
        {
            return null;
        }

        string version = first["mSecure".Length..].TrimStart();
        return version.StartsWith('6') ? MSecureCsvLayout.MSecure6
            : version.StartsWith("CSV", StringComparison.OrdinalIgnoreCase) ? MSecureCsvLayout.Legacy
            : MSecureCsvLayout.PerRow;
    }

    private static bool IsMSecure6(CsvRecord row, MSecureCsvLayout layout) => layout switch
    {
        MSecureCsvLayout.MSecure6 => true,
        MSecureCsvLayout.Legacy => false,
        _ => MSecure6Row.HasRecordId(row) || MSecure6Row.HasTypedField(row) || !MSecureLegacyLayouts.TryFind(row[1], out _, out _),
    };

    private enum MSecureCsvLayout
    {
        PerRow,
        MSecure6,
        Legacy,
    }
}
