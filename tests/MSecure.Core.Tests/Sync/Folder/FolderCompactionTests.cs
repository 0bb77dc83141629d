using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Sync.Folder;
using MSecure.Core.Tests.TestSupport;
using Xunit;

namespace MSecure.Core.Tests.Sync.Folder;

public sealed class FolderCompactionTests : FolderTestBase
{

    [Fact]
    public void A_compaction_holds_everything_covers_what_it_deletes_and_keeps_each_devices_newest_batch()
    {
        using var a = Device();
        using var b = Device();
        using var late = Device();
        var written = new List<FolderChange>();
        for (int i = 0; i < 3; i++)
        {
            List<FolderChange> batch = FolderDevice.RandomChanges(4);
            written.AddRange(batch);
            a.Folder.WriteBatch(batch);
        }

        List<FolderChange> bOwn = FolderDevice.RandomChanges(2);
        b.Folder.WriteBatch(bOwn);
        var bHas = new List<FolderChange>(bOwn);
        bHas.AddRange(b.Pull().Changes);

        FolderCompaction compaction = b.Folder.Compact(bHas, b.State);

        Assert.Equal(new FolderFileName(b.VaultId, FolderFileKind.Compaction, 1), compaction.File);
        Assert.Equal(14, compaction.Changes);
        Assert.Equal(2, compaction.FilesDeleted);
        Assert.Equal(["0000000003.msync"], Names(a));
        Assert.Equal(["0000000001.msync", "compact-0000000001.msync"], Names(b));

        FolderReadResult result = late.Pull();
        Assert.Empty(result.Warnings);
        Assert.Equal(compaction.File, Assert.Single(result.Files).Name);
        FolderRoundTripTests.AssertSameChanges([.. written, .. bOwn], result.Changes);
        Assert.Equal([(1L, 3L)], late.State.BatchesOf(a.VaultId).Ranges);
        Assert.Equal([(1L, 1L)], late.State.BatchesOf(b.VaultId).Ranges);
        Assert.Empty(late.Pull().Files);
    }

    [Fact]
    public void A_later_compaction_replaces_the_older_ones_it_has_read_and_its_own()
    {
        using var a = Device();
        using var b = Device();
        using var c = Device();
        a.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        a.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        FolderCompaction first = a.Folder.Compact([.. a.Pull().Changes, .. ReadOwnBatches(a)], a.State);
        FolderCompaction second = a.Folder.Compact(ReadOwnBatches(a, includeCompactions: true), a.State);
        Assert.Equal(2, second.File.Number);
        Assert.DoesNotContain(first.File.Name, Names(a));

        List<FolderChange> bHas = [.. b.Pull().Changes];
        FolderCompaction third = b.Folder.Compact(bHas, b.State);

        Assert.Equal(["0000000002.msync"], Names(a));
        Assert.Contains(third.File.Name, Names(b));
        FolderRoundTripTests.AssertSameChanges(bHas.DistinctBy(change => change.ChangeId), c.Pull().Changes.DistinctBy(change => change.ChangeId));
    }

    [Fact]
    public void A_compaction_never_deletes_another_devices_compaction_it_has_not_read()
    {
        using var a = Device();
        using var b = Device();
        a.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        a.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        FolderCompaction aCompaction = a.Folder.Compact(ReadOwnBatches(a), a.State);

        b.Folder.Compact(FolderDevice.RandomChanges(1), b.State);

        Assert.Contains(aCompaction.File.Name, Names(a));
    }

    [Fact]
    public void Own_batches_holding_changes_the_compactor_does_not_have_are_not_covered_or_deleted()
    {
        using var a = Device();
        List<FolderChange> first = FolderDevice.RandomChanges(2);
        a.Folder.WriteBatch(first);
        a.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        a.Folder.WriteBatch(FolderDevice.RandomChanges(2));

        // Another process of this vault exported batches 2 and 3 after "everything" was read.
        a.Folder.Compact(first, a.State);

        Assert.Equal(["0000000002.msync", "0000000003.msync", "compact-0000000001.msync"], Names(a));
        using var reader = Device();
        reader.Pull();
        Assert.Equal([(1L, 3L)], reader.State.BatchesOf(a.VaultId).Ranges);
    }

    [Fact]
    public void A_compaction_rewritten_under_a_reused_number_is_read_again()
    {
        using var a = Device();
        using var reader = Device();
        a.Folder.Compact(FolderDevice.RandomChanges(1), a.State);
        Assert.Single(reader.Pull().Files);

        string path = Path.Combine(SharedFolder.Path, a.VaultId.ToString(), "compact-0000000001.msync");
        File.Delete(path);
        List<FolderChange> rewritten = FolderDevice.RandomChanges(1);
        a.Folder.Compact(rewritten, a.State);

        FolderRoundTripTests.AssertSameChanges(rewritten, reader.Pull().Changes);
    }

    [Fact]
    public void Compactions_that_left_the_folder_are_forgotten_by_the_state()
    {
        using var a = Device();
        using var reader = Device();
        a.Folder.Compact(FolderDevice.RandomChanges(1), a.State);
        reader.Pull();
        Assert.Single(reader.State.Compactions);

        File.Delete(Path.Combine(SharedFolder.Path, a.VaultId.ToString(), "compact-0000000001.msync"));
        reader.Pull();

        Assert.Empty(reader.State.Compactions);
    }

    [Fact]
    public void A_file_left_unapplied_is_read_again_and_its_covers_are_not_taken()
    {
        using var a = Device();
        using var b = Device();
        using var reader = Device();
        a.Folder.WriteBatch(FolderDevice.RandomChanges(1));
        a.Folder.WriteBatch(FolderDevice.RandomChanges(1));
        b.Pull();
        b.Folder.Compact(FolderDevice.RandomChanges(1), b.State);

        FolderReadResult result = reader.Folder.ReadNew(reader.State);
        FolderFileRead compaction = result.Files.Single(file => file.Name.Kind == FolderFileKind.Compaction);
        reader.State = result.StateExcept([compaction]);

        Assert.False(reader.State.HasBatch(a.VaultId, 1));
        Assert.False(reader.State.HasBatch(a.VaultId, 2));
        Assert.Equal(compaction.Name, Assert.Single(reader.Pull().Files).Name);
    }

    private List<FolderChange> ReadOwnBatches(FolderDevice device, bool includeCompactions = false)
    {
        using FolderDevice view = Device();
        return [.. view.Folder.ReadNew(FolderState.Empty).Files
            .Where(file => file.Name.Author == device.VaultId && (includeCompactions || file.Name.Kind == FolderFileKind.Batch))
            .SelectMany(file => file.Changes)];
    }

    private string[] Names(FolderDevice device) =>
        [.. Directory.GetFiles(Path.Combine(SharedFolder.Path, device.VaultId.ToString())).Select(path => Path.GetFileName(path)!).Order(StringComparer.Ordinal)];
}
