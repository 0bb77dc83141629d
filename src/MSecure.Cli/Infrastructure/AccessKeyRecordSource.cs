using System;
using System.Collections.Generic;
using MSecure.Core.Access;
using MSecure.Core.Records;

namespace MSecure.Cli.Infrastructure;

/// <summary>Reads with a read-only access key (MSECURE_ACCESS_KEY): only the records carrying its tag.</summary>
internal sealed class AccessKeyRecordSource(AccessKeyReader reader) : IRecordSource, IDisposable
{
    public Record? FindByName(string name) => reader.FindByName(name);

    public IReadOnlyList<RecordSummary> List(string? pattern) => reader.List(pattern);

    public void Dispose() => reader.Dispose();
}
