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
/// The import's second thread: reads the entries (the format's reader), validates them and seals
/// each valid one as a new record under a fresh id and time, with its own codec (its own AES-GCM
/// instance and buffer; the keys are only read). The transaction thread takes them in file order
/// from a bounded queue (<see cref="Capacity"/> entries: memory stays flat) and does all database
/// work. A failure of the worker (ImportFileInvalid from the reader, a cancellation) is re-thrown
/// on the transaction thread with its own type once the entries before it are taken; disposing stops
/// the worker and waits for it, so the reader is disposed and the worker's codec wiped before the
/// transaction ends.
/// </summary>
internal sealed class ImportPipeline : IDisposable
{
    /// <summary>How many prepared entries may wait for the transaction thread.</summary>
    internal const int Capacity = 256;

    private readonly BlockingCollection<PreparedImportItem> _queue = new(Capacity);
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _cancellationToken;
    private readonly Thread _worker;
    private ExceptionDispatchInfo? _failure;
    private (long Read, long Total)? _endPosition;
    private bool _disposed;

    private ImportPipeline(UnlockedVault vault, IEnumerable<ImportItem> items, ImportOptions options, Func<(long Read, long Total)>? position,
        CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _worker = new Thread(() => Work(vault, items, options, position)) { IsBackground = true, Name = "MSecure import reader" };
    }

    /// <summary>Where the reader stood after the last entry (for the final progress), or null.</summary>
    internal (long Read, long Total)? EndPosition => _endPosition;

    /// <summary>Starts reading, checking and sealing <paramref name="items"/> on a worker thread.</summary>
    internal static ImportPipeline Start(UnlockedVault vault, IEnumerable<ImportItem> items, ImportOptions options, Func<(long Read, long Total)>? position,
        CancellationToken cancellationToken)
    {
        var pipeline = new ImportPipeline(vault, items, options, position, cancellationToken);
        pipeline._worker.Start();
        return pipeline;
    }

    /// <summary>The prepared entries in file order; then the worker's failure, if any, is thrown.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    internal IEnumerable<PreparedImportItem> Take()
    {
        foreach (PreparedImportItem prepared in _queue.GetConsumingEnumerable(_cancellationToken))
        {
            yield return prepared;
        }

        _worker.Join();
        _failure?.Throw();
    }

    /// <summary>Stops the worker (when the transaction thread gave up early) and waits for it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _worker.Join();
        _stop.Dispose();
        _queue.Dispose();
    }

    private void Work(UnlockedVault vault, IEnumerable<ImportItem> items, ImportOptions options, Func<(long Read, long Total)>? position)
    {
        try
        {
            using var codec = new RecordCodec(vault.Codec.Cipher.CreateWorker());
            bool sealing = true;
            int count = 0;
            foreach (ImportItem item in items)
            {
                _stop.Token.ThrowIfCancellationRequested();
                count++;
                PreparedImportItem prepared = Prepare(vault.VaultId, codec, item, options, ref sealing);
                if (count % ImportOptions.ProgressInterval == 0)
                {
                    prepared = prepared with { Position = position?.Invoke() };
                }

                _queue.Add(prepared, _stop.Token);
            }

            _endPosition = position?.Invoke();
        }
#pragma warning disable CA1031 // Every failure of the worker is re-thrown on the transaction thread.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _failure = ExceptionDispatchInfo.Capture(exception);
        }
        finally
        {
            _queue.CompleteAdding();
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
