using System;
using System.IO;
using MSecure.Core.Cryptography;
using MSecure.Core.Sync.Folder;
using MSecure.Core.Tests.TestSupport;
using Xunit;

namespace MSecure.Core.Tests.Sync.Folder;

public sealed class FolderFilesTests : FolderTestBase
{
    [Fact]
    public void Writers_racing_for_one_name_never_replace_each_other()
    {
        for (int round = 0; round < 50; round++)
        {
            string name = $"{round:D10}.msync";
            bool[] created = new bool[4];
            System.Threading.Tasks.Parallel.For(0, created.Length, index => created[index] = FolderFiles.TryCreate(SharedFolder.Path, name, [(byte)index]));

            int winner = Assert.Single(System.Linq.Enumerable.Range(0, created.Length), index => created[index]);
            Assert.Equal([(byte)winner], File.ReadAllBytes(SharedFolder.File(name)));
        }

        Assert.Empty(Directory.GetFiles(SharedFolder.Path, "*.tmp"));
    }

    [Fact]
    public void Creating_never_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        Assert.True(FolderFiles.TryCreate(SharedFolder.Path, "0000000001.msync", [1, 2, 3]));
        Assert.False(FolderFiles.TryCreate(SharedFolder.Path, "0000000001.msync", [4, 5, 6, 7]));

        Assert.Equal([1, 2, 3], File.ReadAllBytes(SharedFolder.File("0000000001.msync")));
        Assert.Equal([SharedFolder.File("0000000001.msync")], Directory.GetFiles(SharedFolder.Path));
    }

    [Fact]
    public void A_write_killed_before_its_rename_leaves_only_a_hidden_temporary_file_which_is_ignored_then_removed_when_stale()
    {
        using FolderDevice device = Device();
        using FolderDevice reader = Device();
        string deviceFolder = Path.Combine(SharedFolder.Path, device.VaultId.ToString());
        Directory.CreateDirectory(deviceFolder);
        string leftover = Path.Combine(deviceFolder, ".0000000001.msync.00112233445566778899.tmp");
        File.WriteAllBytes(leftover, [(byte)'M', (byte)'S', (byte)'F', (byte)'1', 1, 2]);

        FolderReadResult result = reader.Pull();
        Assert.Empty(result.Files);
        Assert.Empty(result.Warnings);

        device.Folder.WriteBatch(FolderDevice.RandomChanges(1));
        Assert.True(File.Exists(leftover));
        Assert.True(File.Exists(Path.Combine(deviceFolder, "0000000001.msync")));

        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddHours(-2));
        device.Folder.WriteBatch(FolderDevice.RandomChanges(1));
        Assert.False(File.Exists(leftover));
        Assert.Equal(2, reader.Pull().Files.Count);
    }

    [Theory]
    [InlineData("0000000001.msync", false, 1L)]
    [InlineData("9999999999.msync", false, 9_999_999_999L)]
    [InlineData("compact-0000000042.msync", true, 42L)]
    public void Names_parse_and_format_back(string name, bool compaction, long number)
    {
        Guid author = Guid.NewGuid();
        Assert.True(FolderFileName.TryParse(author, name, out FolderFileName parsed));
        Assert.Equal(new FolderFileName(author, compaction ? FolderFileKind.Compaction : FolderFileKind.Batch, number), parsed);
        Assert.Equal(name, parsed.Name);
    }

    [Fact]
    public void Number_ranges_merge_and_answer_membership()
    {
        NumberRanges ranges = NumberRanges.From([(5, 6), (1, 2), (3, 3), (9, 9), (6, 6)]);
        Assert.Equal([(1L, 3L), (5L, 6L), (9L, 9L)], ranges.Ranges);
        Assert.Equal(3, ranges.ContiguousFromOne);
        Assert.False(ranges.Contains(4));
        Assert.True(ranges.Contains(5));
        Assert.True(ranges.Contains(9));
        Assert.False(ranges.Contains(10));
        Assert.Equal(0, NumberRanges.From([(2, 3)]).ContiguousFromOne);
        Assert.Equal([(1L, 9L)], ranges.Union([(4, 4), (7, 8)]).Ranges);
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberRanges.From([(0, 1)]));
    }
}
