using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace MSecure.Core.Transfer;

/// <summary>
/// One import format: recognises its files and reads them as a stream of entries. A reader
/// streams (memory stays flat in the number of entries), never writes to the input, and reports
/// an unreadable entry as <see cref="ImportItem.Failed"/> and goes on; only a file it cannot read
/// at all (not this format, broken beyond one entry) throws MSecureException ImportFileInvalid.
/// </summary>
public interface IImportFormat
{
    /// <summary>The format read.</summary>
    ImportFormat Format { get; }

    /// <summary>Whether <paramref name="sniff"/> is a file of this format. Must be cheap and must not throw.</summary>
    bool Recognizes(ImportSniff sniff);

    /// <summary>The entries of <paramref name="input"/> (positioned at its start; seekable when the file is), in file order.</summary>
    IEnumerable<ImportItem> Read(Stream input, CancellationToken cancellationToken);
}
