using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Transfer;

namespace MSecure.Core.Vault;

/// <summary>
/// The import's two worker threads, ahead of the transaction thread that does all database work:
/// the reader thread runs the format's reader (parsing), the sealer thread validates each entry and
/// seals each valid one as a new record under a fresh id and time, with its own codec (its own
/// AES-GCM instance and buffer; the keys are only read). The transaction thread takes the prepared
/// entries in file order. Entries pass in batches of <see cref="BatchSize"/> through bounded queues
/// (<see cref="Capacity"/> entries each: memory stays flat); one hand-over per entry would have the
/// threads spinning and waking each other, which on two cores costs the workers' time.
/// A failure of a worker (ImportFileInvalid from the reader, a cancellation) is re-thrown on the
/// transaction thread with its own type once the entries before it are taken; disposing stops the
/// workers and waits for them, so the reader is disposed and the sealer's codec wiped before the
/// transaction ends.
/// </summary>
internal sealed class ImportPipeline : IDisposable
{
    /// <summary>How many entries may wait in each queue.</summary>
    internal const int Capacity = 256;

    /// <summary>How many entries go from one thread to the next at once.</summary>
    internal const int BatchSize = 64;

    private readonly BlockingCollection<List<(ImportItem Item, (long Read, long Total)? Position)>> _read = new(Capacity / BatchSize);
    private readonly BlockingCollection<List<PreparedImportItem>> _prepared = new(Capacity / BatchSize);
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _cancellationToken;
    private readonly Thread _reader;
    private readonly Thread _sealer;
    private ExceptionDispatchInfo? _readFailure;
    private ExceptionDispatchInfo? _sealFailure;
    private (long Read, long Total)? _endPosition;
    private bool _disposed;

    private ImportPipeline(UnlockedVault vault, IEnumerable<ImportItem> items, ImportOptions options, Func<(long Read, long Total)>? position,
        CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _reader = new Thread(() => Read(items, position)) { IsBackground = true, Name = "MSecure import reader" };
        _sealer = new Thread(() => Seal(vault, options)) { IsBackground = true, Name = "MSecure import sealer" };
    }

    /// <summary>Where the reader stood after the last entry (for the final progress), or null.</summary>
    internal (long Read, long Total)? EndPosition => _endPosition;

    /// <summary>Starts reading <paramref name="items"/>, and checking and sealing them, on two worker threads.</summary>
    internal static ImportPipeline Start(UnlockedVault vault, IEnumerable<ImportItem> items, ImportOptions options, Func<(long Read, long Total)>? position,
        CancellationToken cancellationToken)
    {
        var pipeline = new ImportPipeline(vault, items, options, position, cancellationToken);
        pipeline._reader.Start();
        pipeline._sealer.Start();
        return pipeline;
    }

    /// <summary>The prepared entries in file order; then a worker's failure, if any, is thrown.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    internal IEnumerable<PreparedImportItem> Take()
    {
        foreach (List<PreparedImportItem> batch in _prepared.GetConsumingEnumerable(_cancellationToken))
        {
            foreach (PreparedImportItem prepared in batch)
            {
                yield return prepared;
            }
        }

        _sealer.Join();
        _reader.Join();
        (_sealFailure ?? _readFailure)?.Throw();
    }

    /// <summary>Stops the workers (when the transaction thread gave up early) and waits for them.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _sealer.Join();
        _reader.Join();
        _stop.Dispose();
        _read.Dispose();
        _prepared.Dispose();
    }

    /// <summary>The reader thread: the entries, with where the reader stood at every progress interval (the input is read only here).</summary>
    private void Read(IEnumerable<ImportItem> items, Func<(long Read, long Total)>? position)
    {
        try
        {
            int count = 0;
            var batch = new List<(ImportItem, (long, long)?)>(BatchSize);
            foreach (ImportItem item in items)
            {
                _stop.Token.ThrowIfCancellationRequested();
                count++;
                batch.Add((item, count % ImportOptions.ProgressInterval == 0 ? position?.Invoke() : null));
                if (batch.Count == BatchSize)
                {
                    _read.Add(batch, _stop.Token);
                    batch = new List<(ImportItem, (long, long)?)>(BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                _read.Add(batch, _stop.Token);
            }

            _endPosition = position?.Invoke();
        }
#pragma warning disable CA1031 // Every failure of a worker is re-thrown on the transaction thread.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _readFailure = ExceptionDispatchInfo.Capture(exception);
        }
        finally
        {
            _read.CompleteAdding();
        }
    }

    /// <summary>The sealer thread: each entry the reader passed, validated and sealed.</summary>
    private void Seal(UnlockedVault vault, ImportOptions options)
    {
        try
        {
            using var codec = new RecordCodec(vault.Codec.Cipher.CreateWorker());
            bool sealing = true;
            foreach (List<(ImportItem Item, (long Read, long Total)? Position)> read in _read.GetConsumingEnumerable(_stop.Token))
            {
                var batch = new List<PreparedImportItem>(read.Count);
                foreach ((ImportItem item, (long Read, long Total)? position) in read)
                {
                    PreparedImportItem prepared = Prepare(vault.VaultId, codec, item, options, ref sealing);
                    batch.Add(position is null ? prepared : prepared with { Position = position });
                }

                _prepared.Add(batch, _stop.Token);
            }
        }
#pragma warning disable CA1031 // Every failure of a worker is re-thrown on the transaction thread.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _sealFailure = ExceptionDispatchInfo.Capture(exception);

            // The reader may be waiting for room in its queue: stop it too.
            _stop.Cancel();
        }
        finally
        {
            _prepared.CompleteAdding();
        }
    }

    /// <summary>
    /// Validates the entry (with the import's tags) and seals it while <paramref name="sealing"/>: after
    /// a failed entry a real run only checks the rest, so sealing stops (a dry run goes on storing).
    /// </summary>
    private static PreparedImportItem Prepare(Guid vaultId, RecordCodec codec, ImportItem item, ImportOptions options, ref bool sealing)
    {
        if (item.Draft is not { } draft)
        {
            sealing &= options.DryRun;
            return new PreparedImportItem(item, null, null, null, null);
        }

        RecordContent content;
        try
        {
            draft.Tags.AddRange(options.Tags);
            content = RecordValidation.Validate(draft);
        }
        catch (MSecureException exception) when (exception.Code == MSecureErrorCode.InvalidRecord)
        {
            sealing &= options.DryRun;
            return new PreparedImportItem(item, null, exception.Message, null, null);
        }

        return new PreparedImportItem(item, content, null, sealing ? RecordWriter.SealNew(codec, vaultId, content) : null, null);
    }
}
