using System;
using System.Collections.Generic;

namespace MSecure.Core.Vault;

/// <summary>What <see cref="VaultSession.Verify"/> found: counts of what it checked, and every problem (no secret in any of them).</summary>
/// <param name="Path">The vault file's full path.</param>
/// <param name="Revision">The vault revision of the sealed state (0 when it could not be read).</param>
/// <param name="LiveRecords">Live records checked.</param>
/// <param name="RemovedRecords">Tombstones checked.</param>
/// <param name="HistoryEntries">History entries checked.</param>
/// <param name="Problems">One line per problem; empty when the vault is sound.</param>
/// <param name="Duration">How long the check took.</param>
public sealed record VaultCheckReport(string Path, long Revision, int LiveRecords, int RemovedRecords, int HistoryEntries,
    IReadOnlyList<string> Problems, TimeSpan Duration)
{
    /// <summary>Whether no problem was found.</summary>
    public bool IsSound => Problems.Count == 0;
}
