using System;
using MSecure.Core.Records;

namespace MSecure.Core.Transfer;

/// <summary>Writes records to a plaintext export stream, one at a time (memory flat); <see cref="Complete"/> writes any closing part.</summary>
public interface IRecordExportWriter : IDisposable
{
    /// <summary>Writes one record (its current revision).</summary>
    void Write(Record record);

    /// <summary>Writes what closes the file (a JSON array's end) and flushes; call once after the last record.</summary>
    void Complete();
}
