using System;
using System.IO;
using System.Linq;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Sync.Folder;
using MSecure.Core.Tests.TestSupport;
using Xunit;

namespace MSecure.Core.Tests.Sync.Folder;

/// <summary>Every file that is not exactly what its name says is a warning, is never applied and is not marked processed.</summary>
public sealed class FolderBadFileTests : FolderTestBase
{
    private readonly FolderDevice _writer;
    private readonly FolderDevice _reader;

    public FolderBadFileTests()
    {
        _writer = Device();
        _reader = Device();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writer.Dispose();
            _reader.Dispose();
        }

        base.Dispose(disposing);
    }

    private string WriterFolder => Path.Combine(SharedFolder.Path, _writer.VaultId.ToString());

    private string BatchPath(long number) => Path.Combine(WriterFolder, number.ToString("D10", System.Globalization.CultureInfo.InvariantCulture) + ".msync");

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4 + Envelope.Overhead - 1)]
    [InlineData(-1)]
    public void A_partial_copy_is_a_warning_and_is_read_once_complete(int keptBytes)
    {
        _writer.Folder.WriteBatch(FolderDevice.RandomChanges(5));
        byte[] complete = File.ReadAllBytes(BatchPath(1));
        File.WriteAllBytes(BatchPath(1), complete[..(keptBytes >= 0 ? keptBytes : complete.Length - 1)]);

        AssertIgnored(_reader.Pull(), BatchPath(1));

        File.WriteAllBytes(BatchPath(1), complete);
        Assert.Equal(5, _reader.Pull().Changes.Count());
    }

    [Fact]
    public void A_file_with_any_byte_changed_is_a_warning()
    {
        _writer.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        byte[] complete = File.ReadAllBytes(BatchPath(1));
        foreach (int index in new[] { 0, 3, 4, 5, 16, complete.Length / 2, complete.Length - 1 })
        {
            byte[] tampered = (byte[])complete.Clone();
            tampered[index] ^= 0x01;
            File.WriteAllBytes(BatchPath(1), tampered);
            AssertIgnored(_reader.Pull(), BatchPath(1));
        }
    }

    [Fact]
    public void A_file_appended_to_is_a_warning()
    {
        _writer.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        File.AppendAllText(BatchPath(1), "x");
        AssertIgnored(_reader.Pull(), BatchPath(1));
    }

    [Fact]
    public void Another_accounts_file_is_a_warning_even_under_the_same_key()
    {
        using var stranger = new FolderDevice(SharedFolder.Path, AccountKey, TestValues.OtherAccountId);
        using var otherKey = AccountKey.Generate();
        using var otherKeyDevice = new FolderDevice(SharedFolder.Path, otherKey, TestValues.AccountId);
        stranger.Folder.WriteBatch(FolderDevice.RandomChanges(1));
        otherKeyDevice.Folder.WriteBatch(FolderDevice.RandomChanges(1));

        FolderReadResult result = _reader.Pull();

        Assert.Empty(result.Files);
        Assert.Equal(2, result.Warnings.Count);
        Assert.All(result.Warnings, warning => Assert.Contains("does not authenticate", warning.Reason, StringComparison.Ordinal));
        Assert.Equal("{\"v\":1,\"batches\":{},\"compactions\":{}}", _reader.State.ToJson().ToJsonString());
    }

    [Fact]
    public void A_file_renamed_to_another_number_is_a_warning_and_the_original_still_counts()
    {
        _writer.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        File.Copy(BatchPath(1), BatchPath(7));

        FolderReadResult result = _reader.Pull();

        Assert.Equal(1, Assert.Single(result.Files).Name.Number);
        Assert.Equal(BatchPath(7), Assert.Single(result.Warnings).File);
        Assert.False(_reader.State.HasBatch(_writer.VaultId, 7));
    }

    [Fact]
    public void A_file_moved_to_another_device_folder_is_a_warning()
    {
        _writer.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        Guid other = Guid.NewGuid();
        string otherFolder = Path.Combine(SharedFolder.Path, other.ToString());
        Directory.CreateDirectory(otherFolder);
        File.Move(BatchPath(1), Path.Combine(otherFolder, "0000000001.msync"));

        AssertIgnored(_reader.Pull(), Path.Combine(otherFolder, "0000000001.msync"));
        Assert.False(_reader.State.HasBatch(other, 1));
    }

    [Fact]
    public void A_batch_renamed_as_a_compaction_is_a_warning()
    {
        _writer.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        string compaction = Path.Combine(WriterFolder, "compact-0000000001.msync");
        File.Move(BatchPath(1), compaction);

        AssertIgnored(_reader.Pull(), compaction);
    }

    [Theory]
    [InlineData("0000000001 (conflicted copy).msync")]
    [InlineData("0000000001 (1).msync")]
    [InlineData("0000000001.sync-conflict-20261201-031500-ABCDEFG.msync")]
    [InlineData("0000000001 (Case Conflict).msync")]
    [InlineData("0000000001.msync.bak")]
    [InlineData("000000001.msync")]
    [InlineData("00000000001.msync")]
    [InlineData("0000000000.msync")]
    [InlineData("compact-0000000001 (1).msync")]
    [InlineData("0000000001.MSYNC")]
    [InlineData("+000000001.msync")]
    public void A_sync_tools_copy_or_any_other_name_is_a_warning_and_never_read(string name)
    {
        _writer.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        string copy = Path.Combine(WriterFolder, name);
        File.Copy(BatchPath(1), copy);

        FolderReadResult result = _reader.Pull();

        Assert.Equal(1, Assert.Single(result.Files).Name.Number);
        Assert.Equal(copy, Assert.Single(result.Warnings).File);
    }

    [Theory]
    [InlineData("msecure-sync (conflicted copy).json")]
    [InlineData("msecure-sync (1).json")]
    [InlineData("{0} (1)")]
    [InlineData("{0}.sync-conflict-20261201-031500-ABCDEFG")]
    public void A_copy_of_the_account_file_or_of_a_device_folder_is_a_warning(string pattern)
    {
        _writer.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        string copy = Path.Combine(SharedFolder.Path, string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, _writer.VaultId));
        if (pattern.StartsWith('{'))
        {
            Directory.CreateDirectory(copy);
            File.Copy(BatchPath(1), Path.Combine(copy, "0000000001.msync"));
        }
        else
        {
            File.WriteAllText(copy, "{}");
        }

        FolderReadResult result = _reader.Pull();

        Assert.Single(result.Files);
        Assert.Equal(copy, Assert.Single(result.Warnings).File);
    }

    [Fact]
    public void A_device_folder_in_upper_case_is_a_warning()
    {
        _writer.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        string upper = Path.Combine(SharedFolder.Path, _writer.VaultId.ToString().ToUpperInvariant());
        Directory.Move(WriterFolder, upper);

        FolderReadResult result = _reader.Pull();

        Assert.Empty(result.Files);
        Assert.Equal(upper, Assert.Single(result.Warnings).File);
    }

    [Fact]
    public void Hidden_temporary_files_and_the_users_own_files_are_passed_over_silently()
    {
        _writer.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        File.WriteAllBytes(Path.Combine(WriterFolder, ".0000000002.msync.0123456789ABCDEF.tmp"), File.ReadAllBytes(BatchPath(1))[..10]);
        File.WriteAllBytes(Path.Combine(WriterFolder, ".syncthing.0000000002.msync.tmp"), [1, 2, 3]);
        File.WriteAllText(Path.Combine(SharedFolder.Path, "notes.txt"), "the user's own file");
        Directory.CreateDirectory(Path.Combine(SharedFolder.Path, ".stfolder"));

        FolderReadResult result = _reader.Pull();

        Assert.Single(result.Files);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_file_not_starting_with_MSF1_is_a_warning()
    {
        _writer.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        byte[] content = File.ReadAllBytes(BatchPath(1));
        content[3] = (byte)'2';
        File.WriteAllBytes(BatchPath(1), content);

        SyncWarningAssert(AssertIgnored(_reader.Pull(), BatchPath(1)), "'MSF1'");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"changes\":{}}")]
    [InlineData("{\"changes\":[{\"record\":\"x\",\"change\":\"00112233-4455-6677-8899-aabbccddeeff\",\"deleted\":false,\"envelope\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}]}")]
    [InlineData("{\"changes\":[{\"record\":\"00112233-4455-6677-8899-aabbccddeeff\",\"change\":\"00112233-4455-6677-8899-aabbccddeeff\",\"deleted\":false,\"envelope\":\"AAAA\"}]}")]
    [InlineData("{\"changes\":[{\"record\":\"00112233-4455-6677-8899-aabbccddeeff\",\"change\":\"00112233-4455-6677-8899-aabbccddeeff\",\"deleted\":\"no\",\"envelope\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}]}")]
    [InlineData("{\"changes\":[{\"record\":\"00112233-4455-6677-8899-aabbccddeeff\",\"change\":\"00112233-4455-6677-8899-aabbccddeeff\",\"envelope\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}]}")]
    [InlineData("{\"changes\":[{\"record\":\"00112233-4455-6677-8899-aabbccddeeff\",\"record\":\"00112233-4455-6677-8899-aabbccddeeff\",\"change\":\"00112233-4455-6677-8899-aabbccddeeff\",\"deleted\":false,\"envelope\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}]}")]
    [InlineData("{\"changes\":[],\"changes\":[]}")]
    [InlineData("{\"changes\":[],\"covers\":{}}")]
    [InlineData("{\"changes\":[]} {}")]
    [InlineData("{\"changes\":[null]}")]
    public void A_sealed_file_whose_content_is_not_a_valid_batch_is_a_warning(string json)
    {
        var name = new FolderFileName(_writer.VaultId, FolderFileKind.Batch, 1);
        Directory.CreateDirectory(WriterFolder);
        File.WriteAllBytes(BatchPath(1), FolderFileEnvelope.Seal(_writer.Keys.RecordEncryption, TestValues.AccountId, name, Encoding.UTF8.GetBytes(json)));

        SyncWarningAssert(AssertIgnored(_reader.Pull(), BatchPath(1)), "not a valid sync batch");
    }

    [Fact]
    public void A_warning_about_malformed_content_never_quotes_the_content()
    {
        var name = new FolderFileName(_writer.VaultId, FolderFileKind.Batch, 1);
        Directory.CreateDirectory(WriterFolder);
        File.WriteAllBytes(BatchPath(1), FolderFileEnvelope.Seal(_writer.Keys.RecordEncryption, TestValues.AccountId, name, "{\"changes\":[Q"u8));

        MSecure.Core.Sync.SyncWarning warning = AssertIgnored(_reader.Pull(), BatchPath(1));

        Assert.Equal("its content is not a valid sync batch: the JSON is malformed.", warning.Reason);
    }

    [Fact]
    public void A_sealed_compaction_without_covers_is_a_warning_and_the_valid_form_is_read()
    {
        var name = new FolderFileName(_writer.VaultId, FolderFileKind.Compaction, 1);
        string path = Path.Combine(WriterFolder, name.Name);
        Directory.CreateDirectory(WriterFolder);
        File.WriteAllBytes(path, FolderFileEnvelope.Seal(_writer.Keys.RecordEncryption, TestValues.AccountId, name, "{\"changes\":[]}"u8));
        AssertIgnored(_reader.Pull(), path);

        File.Delete(path);
        File.WriteAllBytes(path, FolderFileEnvelope.Seal(_writer.Keys.RecordEncryption, TestValues.AccountId, name, "{\"changes\":[],\"covers\":{},\"later\":[1]}"u8));
        FolderReadResult result = _reader.Pull();
        Assert.Empty(result.Warnings);
        Assert.Equal(name, Assert.Single(result.Files).Name);
    }

    private static void SyncWarningAssert(MSecure.Core.Sync.SyncWarning warning, string reasonPart) =>
        Assert.Contains(reasonPart, warning.Reason, StringComparison.Ordinal);

    /// <summary>The file is a warning, nothing is read and the state does not mark it.</summary>
    private MSecure.Core.Sync.SyncWarning AssertIgnored(FolderReadResult result, string path)
    {
        Assert.Empty(result.Files);
        Assert.Empty(result.Changes);
        MSecure.Core.Sync.SyncWarning warning = Assert.Single(result.Warnings);
        Assert.Equal(path, warning.File);
        Assert.Equal("{\"v\":1,\"batches\":{},\"compactions\":{}}", _reader.State.ToJson().ToJsonString());
        return warning;
    }
}
