using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MSecure.Core.Tests.Vault;

/// <summary>
/// What churning workers acknowledged: for every record, the last state its owner reported as
/// committed. Only a record's creator writes it, so after the run the vault must hold exactly
/// that state, or, when the owner was killed, possibly the next state (one write can commit and
/// die before its acknowledgement was printed).
/// </summary>
internal sealed class AcknowledgementLedger
{
    private readonly Dictionary<Guid, Entry> _records = [];
    private readonly HashSet<string> _killedWorkers = new(StringComparer.Ordinal);

    /// <summary>Acknowledged operations in all.</summary>
    public int Operations { get; private set; }

    /// <summary>Worker processes whose output was read.</summary>
    public int Workers { get; private set; }

    /// <summary>Workers that died before printing "done" (killed).</summary>
    public int KilledWorkers => _killedWorkers.Count;

    public IReadOnlyDictionary<Guid, Entry> Records => _records;

    /// <summary>Whether <paramref name="worker"/> died before it finished (an unacknowledged write may have committed).</summary>
    public bool WasKilled(string worker) => _killedWorkers.Contains(worker);

    /// <summary>Records the acknowledgements of one worker's whole output.</summary>
    public void Add(string worker, IEnumerable<string> lines)
    {
        Workers++;
        bool done = false;
        foreach (string line in lines)
        {
            string[] parts = line.Split(' ');
            if (parts is ["done"])
            {
                done = true;
                continue;
            }

            if (parts.Length != 4 || parts[0] is not ("add" or "update" or "remove"))
            {
                continue;
            }

            var id = Guid.Parse(parts[1]);
            long revision = long.Parse(parts[2], CultureInfo.InvariantCulture);
            Entry entry = parts[0] == "add" ? new Entry(worker, 0, 0, null, false) : _records[id];
            if (revision != entry.Revision + 1)
            {
                throw new InvalidOperationException($"Worker {worker} acknowledged revision {revision} of {id} after {entry.Revision}.");
            }

            _records[id] = entry with { Revision = revision, Value = parts[3], Deleted = parts[0] == "remove", Acknowledged = entry.Acknowledged + 1 };
            Operations++;
        }

        if (!done)
        {
            _killedWorkers.Add(worker);
        }
    }

    /// <summary>The workers that added at least one record (by record name prefix).</summary>
    public ISet<string> Owners() => _records.Values.Select(entry => entry.Worker).ToHashSet(StringComparer.Ordinal);

    /// <summary>The last acknowledged state of one record.</summary>
    /// <param name="Worker">The worker that created the record (its only writer).</param>
    /// <param name="Revision">The last acknowledged revision.</param>
    /// <param name="Acknowledged">How many operations on the record were acknowledged.</param>
    /// <param name="Value">The password written at that revision ("-" for a removal).</param>
    /// <param name="Deleted">Whether the last acknowledged operation removed the record.</param>
    internal sealed record Entry(string Worker, long Revision, int Acknowledged, string? Value, bool Deleted);
}
