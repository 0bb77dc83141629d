using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Storage;
using MSecure.Core.Sync;
using MSecure.Core.Transfer;

namespace MSecure.Core.Vault;

/// <summary>
/// Stores an import's entries in ONE record write: all of them or, when any entry cannot be read
/// or stored, none (ImportFailed naming every "location: reason"). Entries are taken one at a time
/// as the reader yields them: each is sealed and inserted at once, so memory stays flat in the
/// number of entries. Duplicates and name collisions are found through the blind name index,
/// against the vault and against the entries already inserted by this same transaction.
/// A dry run runs the same transaction and rolls it back.
/// </summary>
internal sealed class RecordImportWriter
{
    /// <summary>How many "Name (n)" to try before an entry's name counts as unusable.</summary>
    private const int MaximumSuffix = 1_000_000;

    /// <summary>How many of an entry's names (its own, then "Name (2)"…) are opened to look for its duplicate.</summary>
    private const int DuplicateProbe = 8;

    private readonly UnlockedVault _vault;
    private readonly RecordSetChange _change;
    private readonly ImportOptions _options;
    private readonly ImportReportBuilder _report;
    private readonly RecordBulkInserter _inserter;

    /// <summary>The last row sequence number before the import: a row above it was added by this import (a duplicate of it is one within the file).</summary>
    private readonly long _lastSeqBefore;

    /// <summary>Per name (normalised) that needed a number: the number to try next past <see cref="DuplicateProbe"/>.</summary>
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);

    private RecordImportWriter(UnlockedVault vault, RecordSetChange change, ImportOptions options, ImportReportBuilder report, RecordBulkInserter inserter)
    {
        _inserter = inserter;
        _vault = vault;
        _change = change;
        _options = options;
        _report = report;
        _lastSeqBefore = RecordStore.LastSeq(vault.Database);
    }

    /// <summary>Imports <paramref name="items"/>; <paramref name="position"/> tells how much of the file was read (for progress), or is null.</summary>
    /// <exception cref="MSecureException">ImportFailed (nothing written), ImportFileInvalid (from the reader), VaultTampered, VaultBusy.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: nothing written.</exception>
    internal static ImportReport Run(UnlockedVault vault, IEnumerable<ImportItem> items, ImportReportBuilder report, ImportOptions options,
        Func<(long Read, long Total)>? position, CancellationToken cancellationToken)
    {
        using var cache = new ImportPageCache(vault.Database);
        try
        {
            vault.WriteRecords(change =>
            {
                // Verified before the first insert: the digest check must see the rows as committed.
                vault.EnsureVerified();
                using var inserter = new RecordBulkInserter(vault.Database);
                var writer = new RecordImportWriter(vault, change, options, report, inserter);

                // Reading, and validation with sealing, run on two worker threads; all database work stays here.
                using var pipeline = ImportPipeline.Start(vault, items, options, position, cancellationToken);
                foreach (PreparedImportItem prepared in pipeline.Take())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    writer.Take(prepared);
                    if (report.Entries % ImportOptions.ProgressInterval == 0)
                    {
                        Report(options, report, prepared.Position);
                    }
                }

                Report(options, report, pipeline.EndPosition);
                if (options.DryRun)
                {
                    throw new DryRunRollback();
                }

                if (report.Problems.Count > 0)
                {
                    throw MSecureErrors.ImportFailed(report.Source, report.Problems);
                }

                // The added records go into the sync outbox in one statement, not one per record.
                SyncOutbox.TouchInsertedAfter(vault.Database, writer._lastSeqBefore);
                return 0;
            });
        }
        catch (DryRunRollback)
        {
            // Rolled back: the report says what the import would have done.
        }

        return report.Build();
    }

    private static void Report(ImportOptions options, ImportReportBuilder report, (long Read, long Total)? position)
    {
        if (options.Progress is { } progress)
        {
            (long read, long total) = position ?? (0, -1);
            progress(new ImportProgress(report.Entries, read, total >= 0 ? total : null));
        }
    }

    /// <summary>Takes one entry: counted, its problem reported, and stored unless an earlier entry failed (then only checked, to report every problem).</summary>
    private void Take(PreparedImportItem prepared)
    {
        _report.Read(prepared.Item);
        if (prepared.Problem is { } problem)
        {
            _report.Problem(prepared.Item.Location, problem);
            return;
        }

        // An entry is sealed unless an earlier one failed in a real run: then the rest are only checked.
        if (prepared.Content is { } content && prepared.Sealed is { } sealedRecord && (_report.Problems.Count == 0 || _options.DryRun))
        {
            Store(prepared.Item.Location, content, sealedRecord);
        }
    }

    /// <summary>
    /// Stores the entry under its name or, when that is taken, the first free "Name (n)". A taken name
    /// whose record is the entry's duplicate (the entry itself, or a numbered copy from an earlier
    /// import) is handled by the duplicate policy instead; Keep goes on to a free name. Only the first
    /// <see cref="DuplicateProbe"/> names are opened to compare; past them, the search for a free name
    /// starts where the last entry of that name stopped, so many entries of one name stay linear.
    /// </summary>
    private void Store(string location, RecordContent content, NewRecord sealedRecord)
    {
        // Most names are free: the unique index of live names says so while inserting, without a lookup first.
        if (TryInsert(sealedRecord))
        {
            return;
        }

        Record? duplicate = null;
        bool duplicateInFile = false;
        string? baseKey = null;
        for (int suffix = 1; suffix <= MaximumSuffix; suffix++)
        {
            string candidate = suffix == 1 ? content.Name : RecordNames.Suffixed(content.Name, suffix);
            Record? existing;
            if (suffix <= DuplicateProbe)
            {
                existing = FindLive(candidate, suffix == 1 ? sealedRecord.Sealed.NameIndex : _vault.Codec.Cipher.NameIndex(candidate));
            }
            else
            {
                baseKey ??= RecordNames.Normalize(content.Name);
                suffix = Math.Max(suffix, _nextSuffix.GetValueOrDefault(baseKey));
                candidate = RecordNames.Suffixed(content.Name, suffix);
                if (RecordStore.FindLiveIdByName(_vault.Database, _vault.Codec.Cipher.NameIndex(candidate)) is not null)
                {
                    continue;
                }

                existing = null;
            }

            if (existing is null)
            {
                Insert(suffix == 1 ? content : content with { Name = candidate });
                if (suffix > 1)
                {
                    _report.Renames.Add(new ImportRename(location, content.Name, candidate));
                    _nextSuffix[baseKey ?? RecordNames.Normalize(content.Name)] = suffix + 1;
                }

                if (duplicate is not null)
                {
                    _report.Duplicates.Add(new ImportDuplicate(location, content.Name, duplicate.Name, duplicateInFile, ImportDuplicateAction.Kept, candidate));
                }

                return;
            }

            if (duplicate is not null || !DuplicateKey.Same(existing, content))
            {
                continue;
            }

            bool inFile = RecordStore.SeqOf(_vault.Database, existing.Id) > _lastSeqBefore;
            switch (_options.OnDuplicate)
            {
                case ImportDuplicatePolicy.Keep:
                    duplicate = existing;
                    duplicateInFile = inFile;
                    continue;
                case ImportDuplicatePolicy.Merge:
                    Merge(location, existing, content, inFile);
                    return;
                default:
                    _report.Duplicates.Add(new ImportDuplicate(location, content.Name, existing.Name, inFile, ImportDuplicateAction.Skipped, null));
                    return;
            }
        }

        _report.Problem(location, "its name is taken, and so are its numbered variants up to " + MaximumSuffix.ToString(CultureInfo.InvariantCulture));
    }

    private void Merge(string location, Record existing, RecordContent content, bool inFile)
    {
        ImportDuplicateAction action = ImportDuplicateAction.Unchanged;
        if (RecordMerge.Merge(existing, content) is { } merged)
        {
            RecordContent mergedContent;
            try
            {
                mergedContent = RecordValidation.Validate(merged);
            }
            catch (MSecureException exception) when (exception.Code == MSecureErrorCode.InvalidRecord)
            {
                _report.Problem(location, "merged into '" + DisplayText.Neutralize(existing.Name) + "': " + exception.Message);
                return;
            }

            RecordWriter.WriteRevision(_vault, _change, existing.Id, mergedContent, existing.Revision);
            _report.MergedOne();
            action = ImportDuplicateAction.Merged;
        }

        _report.Duplicates.Add(new ImportDuplicate(location, content.Name, existing.Name, inFile, action, null));
    }

    private void Insert(RecordContent content) => Insert(RecordWriter.SealNew(_vault.Codec, _vault.VaultId, content));

    private void Insert(NewRecord record)
    {
        RecordWriter.InsertSealed(_vault, _change, record, checkName: false, _inserter);
        _report.AddedOne();
    }

    /// <summary>Inserts the entry sealed under its own name; false when the name is taken.</summary>
    private bool TryInsert(NewRecord record)
    {
        if (!RecordWriter.TryInsertSealed(_vault, _change, record, _inserter))
        {
            return false;
        }

        _report.AddedOne();
        return true;
    }

    /// <summary>The live record of <paramref name="name"/> (ignoring case; <paramref name="nameIndex"/> is its blind index), in the vault or added by this transaction, or null.</summary>
    private Record? FindLive(string name, byte[] nameIndex) =>
        RecordStore.FindLiveByName(_vault.Database, nameIndex) is { } row ? RecordReader.OpenNamed(_vault, row, name) : null;
}
