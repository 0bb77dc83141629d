using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace MSecure.Core.Transfer;

/// <summary>
/// Opens an import file for reading only (FileShare.Read: nothing else may write it meanwhile, and
/// it is never written, locked beyond that or copied), finds its format when asked for Auto, and
/// yields its entries through the format's reader.
/// </summary>
internal sealed class ImportFileReader : IDisposable
{
    private readonly FileStream _stream;

    private ImportFileReader(string path, FileStream stream, ImportFormat format)
    {
        Path = path;
        _stream = stream;
        Format = format;
    }

    /// <summary>The file's full path.</summary>
    internal string Path { get; }

    /// <summary>The file's format (never Auto).</summary>
    internal ImportFormat Format { get; }

    /// <summary>Opens <paramref name="path"/> and settles its format.</summary>
    /// <exception cref="Errors.MSecureException">ImportFormatUnknown.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    internal static ImportFileReader Open(string path, ImportFormat format)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            ImportFormat settled = format == ImportFormat.Auto ? ImportFormatDetector.Detect(stream) : ImportFormats.Of(format).Format;
            return new ImportFileReader(fullPath, stream, settled);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The entries, streamed.</summary>
    internal IEnumerable<ImportItem> Read(CancellationToken cancellationToken)
    {
        _stream.Position = 0;
        return ImportFormats.Of(Format).Read(_stream, cancellationToken);
    }

    /// <summary>How much of the file was read so far, and its length.</summary>
    internal (long Read, long Total) Position() => (_stream.Position, _stream.Length);

    /// <summary>Closes the file.</summary>
    public void Dispose() => _stream.Dispose();
}
