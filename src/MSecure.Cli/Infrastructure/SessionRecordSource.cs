using System.Collections.Generic;
using MSecure.Core.Records;
using MSecure.Core.Vault;

namespace MSecure.Cli.Infrastructure;

/// <summary>Reads through an unlocked vault session.</summary>
internal sealed class SessionRecordSource(VaultSession session) : IRecordSource
{
    public Record? FindByName(string name) => session.FindByName(name);

    public IReadOnlyList<RecordSummary> List(string? pattern) => session.Search(new RecordQuery { NamePattern = pattern });
}
