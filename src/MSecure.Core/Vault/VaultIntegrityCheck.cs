using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Storage;

namespace MSecure.Core.Vault;

/// <summary>
/// The full check behind <see cref="VaultSession.Verify"/>: everything a read relies on, in one
/// read transaction, collecting every problem instead of stopping at the first. No index is used
/// to find rows, so a damaged index cannot hide one.
/// </summary>
internal static class VaultIntegrityCheck
{
    /// <summary>Problems listed at most; the rest are counted.</summary>
    private const int MaximumProblems = 200;

    internal static VaultCheckReport Run(UnlockedVault vault)
    {
        var clock = Stopwatch.StartNew();
        var problems = new Problems();
        foreach (string line in vault.Database.CheckIntegrity())
        {
            problems.Add("SQLite integrity check: " + line);
        }

        var counts = new Counts();
        long revision = 0;
        byte[]? witness = RevisionWitness.Read(vault.Path);
        vault.Read(() =>
        {
            VaultState? state = CheckState(vault, witness, problems);
            revision = state?.Revision ?? 0;
            byte[] digest = new byte[RecordSetHasher.DigestLength];
            var revisions = CheckRows(vault, problems, counts, digest);
            if (state is not null && !state.Matches(digest))
            {
                problems.Add("The records do not match the vault's record-set digest (rows were added, removed, rolled back or changed outside MSecure).");
            }

            CheckHistory(vault, problems, counts, revisions);
            long orphans = RecordStore.CountOrphanContents(vault.Database);
            if (orphans > 0)
            {
                problems.Add(Format("{0} record content row(s) belong to no record.", orphans));
            }

            return 0;
        });

        return new VaultCheckReport(vault.Path, revision, counts.Live, counts.Removed, counts.History, problems.ToList(), clock.Elapsed);
    }

    /// <summary>The sealed state against the metadata and the revision witness; returns the state, or null when it does not open.</summary>
    private static VaultState? CheckState(UnlockedVault vault, byte[]? witness, Problems problems)
    {
        VaultState state;
        try
        {
            state = vault.ReadState();
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.VaultTampered)
        {
            problems.Add(exception.Message);
            return null;
        }

        problems.Try(() => vault.EnsureMetadataMatches(state));

        RevisionWitness.Verdict verdict = RevisionWitness.Compare(witness, vault.Codec.Cipher.Keys, vault.VaultId, vault.KeyEpoch, state.Revision, out long witnessed);
        if (verdict is RevisionWitness.Verdict.Ahead or RevisionWitness.Verdict.AheadInKeys)
        {
            problems.Add(MSecureErrors.VaultRolledBack(vault.Path, WitnessFile.PathFor(vault.Path),
                verdict == RevisionWitness.Verdict.Ahead ? witnessed : null, state.Revision).Message);
        }
        else if (verdict == RevisionWitness.Verdict.Damaged)
        {
            problems.Add(MSecureErrors.VaultWitnessDamaged(vault.Path, WitnessFile.PathFor(vault.Path)).Message);
        }

        return state;
    }

    /// <summary>
    /// Every row: its envelopes open and agree with the name index, and its state goes into
    /// <paramref name="digest"/> (the same scan, not a second one); returns each record's revision, for the history check.
    /// </summary>
    private static Dictionary<Guid, long> CheckRows(UnlockedVault vault, Problems problems, Counts counts, byte[] digest)
    {
        var revisions = new Dictionary<Guid, long>();
        RecordCodec codec = vault.Codec;
        using var hasher = new RecordSetHasher(codec.Cipher.Keys, vault.VaultId);
        RecordStore.ScanForCheck(vault.Database, row =>
        {
            revisions[row.Id] = row.Revision;
            hasher.Toggle(digest, new RowState(row.Id, row.Revision, row.Deleted, NameIndexBlocks.From(row.NameIndex)));
            problems.Try(() => RecordReader.EnsureNotRolledBack(row));
            if (row.Deleted)
            {
                counts.Removed++;
                if (row.NameIndex is not null || row.Summary is not null)
                {
                    problems.Add(Format("Record {0} is removed but still has a name index or summary.", row.Id));
                }

                problems.Try(() => codec.VerifyTombstone(row.Id, row.Revision, RecordReader.ContentOf(row)));
                return;
            }

            counts.Live++;
            problems.Try(() =>
            {
                Record record = codec.OpenRecord(EnvelopeRole.Record, row.Id, row.Revision, RecordReader.ContentOf(row));
                RecordSummary summary = codec.OpenSummary(row.Id, row.Revision, row.Summary ?? []);
                if (!string.Equals(summary.Name, record.Name, StringComparison.Ordinal) || summary.Template != record.Template)
                {
                    problems.Add(Format("Record {0}'s summary does not agree with its content.", row.Id));
                }

                if (row.NameIndex is null || !CryptographicOperations.FixedTimeEquals(row.NameIndex, codec.Cipher.NameIndex(record.Name)))
                {
                    problems.Add(Format("Record {0}'s name index does not belong to its name.", row.Id));
                }
            });
        });
        return revisions;
    }

    /// <summary>Every history entry opens and belongs to a record; every record's history is complete (revisions 1 to r − 1).</summary>
    private static void CheckHistory(UnlockedVault vault, Problems problems, Counts counts, Dictionary<Guid, long> revisions)
    {
        var seen = new Dictionary<Guid, HashSet<long>>();
        int orphans = 0;
        HistoryStore.ScanAll(vault.Database, entry =>
        {
            counts.History++;
            if (!revisions.ContainsKey(entry.Id))
            {
                orphans++;
                return;
            }

            if (!(seen.TryGetValue(entry.Id, out HashSet<long>? set) ? set : seen[entry.Id] = []).Add(entry.Revision))
            {
                problems.Add(Format("Record {0} has revision {1} in its history twice.", entry.Id, entry.Revision));
            }

            problems.Try(() => vault.Codec.OpenHistoryEntry(entry.Id, entry.Revision, entry.Envelope));
        });

        if (orphans > 0)
        {
            problems.Add(Format("{0} history entries belong to no record.", orphans));
        }

        foreach ((Guid id, long revision) in revisions)
        {
            HashSet<long> entries = seen.TryGetValue(id, out HashSet<long>? set) ? set : [];
            long expected = revision - 1;
            bool complete = entries.Count == expected;
            for (long r = 1; complete && r <= expected; r++)
            {
                complete = entries.Contains(r);
            }

            if (!complete)
            {
                problems.Add(Format("Record {0} at revision {1} has {2} history entries instead of revisions 1 to {3}.", id, revision, entries.Count, expected));
            }
        }
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    private sealed class Counts
    {
        public int Live { get; set; }

        public int Removed { get; set; }

        public int History { get; set; }
    }

    /// <summary>The problems found so far, listed up to <see cref="MaximumProblems"/>.</summary>
    private sealed class Problems
    {
        private readonly List<string> _lines = [];
        private int _unlisted;

        public void Add(string line)
        {
            if (_lines.Count < MaximumProblems)
            {
                _lines.Add(line);
            }
            else
            {
                _unlisted++;
            }
        }

        /// <summary>Runs a check; an integrity failure it throws becomes a problem line.</summary>
        public void Try(Action check)
        {
            try
            {
                check();
            }
            catch (MSecureException exception) when (exception.Code is MSecureErrorCode.RecordTampered or MSecureErrorCode.VaultTampered
                or MSecureErrorCode.VaultCorrupted)
            {
                Add(exception.Message);
            }
        }

        public List<string> ToList() => _unlisted == 0 ? _lines : [.. _lines, Format("... and {0} more problems.", _unlisted)];
    }
}
