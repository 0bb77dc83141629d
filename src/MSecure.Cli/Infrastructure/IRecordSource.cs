using System.Collections.Generic;
using MSecure.Core.Records;

namespace MSecure.Cli.Infrastructure;

/// <summary>What the reading commands (read, get, list, run) need of a vault: an unlocked session or an access key.</summary>
internal interface IRecordSource
{
    /// <summary>The live record of that name (ignoring case), or null.</summary>
    Record? FindByName(string name);

    /// <summary>The summaries of the records whose names match the wildcard <paramref name="pattern"/> (all when null).</summary>
    IReadOnlyList<RecordSummary> List(string? pattern);
}
