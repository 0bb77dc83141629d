using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MSecure.Core.Cryptography;
using MSecure.Core.Sync;
using MSecure.Core.Sync.Folder;
using MSecure.Core.Tests.TestSupport;
using Xunit;

namespace MSecure.Core.Tests.Sync.Folder;

/// <summary>No locks: writers, readers and compactors of several devices running at once never lose or clobber a change.</summary>
public sealed class FolderConcurrencyTests : FolderTestBase
{

    [Fact]
    public void Two_devices_and_two_processes_of_one_device_writing_at_once_never_clobber_a_file()
    {
        using var a = Device();
        using var b = Device();
        using var aSecondProcess = Device(a.VaultId);
        var written = new ConcurrentBag<FolderChange>();
        Parallel.ForEach([a, b, aSecondProcess], new ParallelOptions { MaxDegreeOfParallelism = 3 }, device =>
        {
            for (int i = 0; i < 40; i++)
            {
                List<FolderChange> batch = FolderDevice.RandomChanges(3);
                device.Folder.WriteBatch(batch);
                foreach (FolderChange change in batch)
                {
                    written.Add(change);
                }
            }
        });

        using var reader = Device();
        FolderReadResult result = reader.Pull();

        Assert.Empty(result.Warnings);
        Assert.Equal(120, result.Files.Count);
        FolderRoundTripTests.AssertSameChanges(written, result.Changes);
        Assert.Equal([(1L, 80L)], reader.State.BatchesOf(a.VaultId).Ranges);
        Assert.Empty(Directory.GetFiles(SharedFolder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_reader_polling_during_large_writes_never_sees_a_partial_file()
    {
        using var writer = Device();
        using var reader = Device();
        using var done = new CancellationTokenSource();
        var warnings = new ConcurrentBag<SyncWarning>();
        int changesSeen = 0;
        Task polling = Task.Factory.StartNew(() =>
        {
            while (!done.IsCancellationRequested)
            {
                FolderReadResult result = reader.Pull();
                changesSeen += result.Changes.Count();
                foreach (SyncWarning warning in result.Warnings)
                {
                    warnings.Add(warning);
                }
            }
        }, TaskCreationOptions.LongRunning);

        for (int i = 0; i < 10; i++)
        {
            writer.Folder.WriteBatch(FolderDevice.RandomChanges(3000));
        }

        done.Cancel();
        await polling;
        changesSeen += reader.Pull().Changes.Count();

        Assert.Empty(warnings);
        Assert.Equal(30_000, changesSeen);
    }

    [Fact]
    public async Task Compactions_by_two_devices_during_writes_and_reads_lose_nothing()
    {
        using var writer = Device();
        using var compactorOne = Device();
        using var compactorTwo = Device();
        using var reader = Device();
        var written = new ConcurrentBag<FolderChange>();
        var seen = new ConcurrentDictionary<Guid, FolderChange>();
        using var done = new CancellationTokenSource();

        Task Compacting(FolderDevice device) => Task.Factory.StartNew(() =>
        {
            var has = new Dictionary<Guid, FolderChange>();
            List<FolderChange> own = FolderDevice.RandomChanges(5);
            device.Folder.WriteBatch(own);
            foreach (FolderChange change in own)
            {
                has[change.ChangeId] = change;
                written.Add(change);
            }

            while (!done.IsCancellationRequested)
            {
                foreach (FolderChange change in device.Pull().Changes)
                {
                    has[change.ChangeId] = change;
                }

                device.Folder.Compact([.. has.Values], device.State);
                Thread.Sleep(1);
            }
        }, TaskCreationOptions.LongRunning);

        Task compactingOne = Compacting(compactorOne);
        Task compactingTwo = Compacting(compactorTwo);
        Task reading = Task.Factory.StartNew(() =>
        {
            while (!done.IsCancellationRequested)
            {
                foreach (FolderChange change in reader.Pull().Changes)
                {
                    seen[change.ChangeId] = change;
                }

                Thread.Sleep(1);
            }
        }, TaskCreationOptions.LongRunning);

        for (int i = 0; i < 60; i++)
        {
            List<FolderChange> batch = FolderDevice.RandomChanges(10);
            writer.Folder.WriteBatch(batch);
            foreach (FolderChange change in batch)
            {
                written.Add(change);
            }

            Thread.Sleep(2);
        }

        done.Cancel();
        await Task.WhenAll(compactingOne, compactingTwo, reading);
        foreach (FolderChange change in reader.Pull().Changes)
        {
            seen[change.ChangeId] = change;
        }

        FolderRoundTripTests.AssertSameChanges(written, seen.Values);
        using var late = Device();
        FolderRoundTripTests.AssertSameChanges(written, late.Pull().Changes.DistinctBy(change => change.ChangeId));
    }
}
