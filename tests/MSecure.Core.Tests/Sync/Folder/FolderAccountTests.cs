using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Sync.Folder;
using MSecure.Core.Tests.TestSupport;
using Xunit;

namespace MSecure.Core.Tests.Sync.Folder;

public sealed class FolderAccountTests : FolderTestBase
{

    private string AccountFile => SharedFolder.File("msecure-sync.json");

    [Fact]
    public void The_first_device_writes_the_account_file_and_the_next_verify_it()
    {
        using var first = Device();
        using var second = Device();

        Assert.Equal(FolderAccountStatus.Created, first.Folder.EnsureAccount(rotatedSinceLastSync: false));
        byte[] written = File.ReadAllBytes(AccountFile);
        Assert.Equal(FolderAccountStatus.Verified, first.Folder.EnsureAccount(rotatedSinceLastSync: false));
        Assert.Equal(FolderAccountStatus.Verified, second.Folder.EnsureAccount(rotatedSinceLastSync: true));

        Assert.Equal(written, File.ReadAllBytes(AccountFile));
        using JsonDocument document = JsonDocument.Parse(written);
        Assert.Equal(["format", "accountId", "verifier"], document.RootElement.EnumerateObject().Select(property => property.Name));
        Assert.Equal(1, document.RootElement.GetProperty("format").GetInt32());
        Assert.Equal(TestValues.AccountId, document.RootElement.GetProperty("accountId").GetGuid());
        AccountVerifier.Verify(first.Keys, document.RootElement.GetProperty("verifier").GetBytesFromBase64());
        Assert.Empty(Directory.GetFiles(SharedFolder.Path, ".*"));
    }

    [Fact]
    public void Devices_racing_to_create_the_account_file_all_end_up_verified()
    {
        for (int round = 0; round < 10; round++)
        {
            using var folder = new TempDirectory();
            FolderDevice[] devices = [.. Enumerable.Range(0, 4).Select(_ => new FolderDevice(folder.Path, AccountKey, TestValues.AccountId))];
            FolderAccountStatus[] statuses = new FolderAccountStatus[devices.Length];
            Parallel.For(0, devices.Length, index => statuses[index] = devices[index].Folder.EnsureAccount(rotatedSinceLastSync: false));

            Assert.Equal(1, statuses.Count(status => status == FolderAccountStatus.Created));
            Assert.Equal(3, statuses.Count(status => status == FolderAccountStatus.Verified));
            foreach (FolderDevice device in devices)
            {
                device.Dispose();
            }
        }
    }

    [Fact]
    public void A_folder_of_another_account_is_SyncFolderInvalid_and_left_as_it_is()
    {
        using var stranger = new FolderDevice(SharedFolder.Path, AccountKey, TestValues.OtherAccountId);
        stranger.Folder.EnsureAccount(rotatedSinceLastSync: false);
        byte[] before = File.ReadAllBytes(AccountFile);
        using var device = Device();

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.SyncFolderInvalid, () => device.Folder.EnsureAccount(rotatedSinceLastSync: true));

        Assert.Contains("another account", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(AccountFile));
    }

    [Fact]
    public void A_key_rotated_on_another_device_is_AccountKeyRotated()
    {
        using var newKey = AccountKey.Generate();
        using var rotated = new FolderDevice(SharedFolder.Path, newKey, TestValues.AccountId);
        rotated.Folder.EnsureAccount(rotatedSinceLastSync: false);
        using var device = Device();

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.AccountKeyRotated, () => device.Folder.EnsureAccount(rotatedSinceLastSync: false));

        Assert.Contains(SharedFolder.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_device_that_rotated_takes_the_folder_over_removing_files_under_the_old_key()
    {
        using var old = Device();
        old.Folder.EnsureAccount(rotatedSinceLastSync: false);
        old.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        old.Folder.Compact(FolderDevice.RandomChanges(2), FolderState.Empty);
        using var newKey = AccountKey.Generate();
        using var rotator = new FolderDevice(SharedFolder.Path, newKey, TestValues.AccountId);
        rotator.Folder.WriteBatch(FolderDevice.RandomChanges(1));
        File.WriteAllText(SharedFolder.File("notes.txt"), "kept");

        Assert.Equal(FolderAccountStatus.TakenOver, rotator.Folder.EnsureAccount(rotatedSinceLastSync: true));

        Assert.Empty(Directory.GetFiles(SharedFolder.Path, "*.msync", SearchOption.AllDirectories));
        Assert.True(File.Exists(SharedFolder.File("notes.txt")));
        Assert.Equal(FolderAccountStatus.Verified, rotator.Folder.EnsureAccount(rotatedSinceLastSync: false));
        TestValues.AssertFails(MSecureErrorCode.AccountKeyRotated, () => old.Folder.EnsureAccount(rotatedSinceLastSync: false));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"format\":2,\"accountId\":\"00112233-4455-6677-8899-aabbccddeeff\",\"verifier\":\"AAAA\"}")]
    [InlineData("{\"format\":1,\"accountId\":\"00112233-4455-6677-8899-aabbccddeeff\"}")]
    [InlineData("{\"format\":1,\"accountId\":\"nope\",\"verifier\":\"AAAA\"}")]
    [InlineData("{\"format\":1,\"accountId\":\"00112233-4455-6677-8899-aabbccddeeff\",\"verifier\":\"!!\"}")]
    [InlineData("{\"format\":1,\"accountId\":\"00112233-4455-6677-8899-aabbccddeeff\",\"verifier\":\"AAAA\"}")]
    public void A_malformed_account_file_is_SyncFolderInvalid_and_not_replaced(string content)
    {
        File.WriteAllText(AccountFile, content);
        using var device = Device();

        TestValues.AssertFails(MSecureErrorCode.SyncFolderInvalid, () => device.Folder.EnsureAccount(rotatedSinceLastSync: true));

        Assert.Equal(content, File.ReadAllText(AccountFile));
    }

    [Fact]
    public void An_oversized_account_file_is_SyncFolderInvalid()
    {
        File.WriteAllBytes(AccountFile, new byte[FolderAccountFile.MaximumLength + 1]);
        using var device = Device();
        TestValues.AssertFails(MSecureErrorCode.SyncFolderInvalid, () => device.Folder.EnsureAccount(rotatedSinceLastSync: false));
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_SyncFolderInvalid()
    {
        using AccountKeys keys = AccountKeys.Derive(AccountKey, TestValues.AccountId);
        string missing = SharedFolder.File("missing");
        TestValues.AssertFails(MSecureErrorCode.SyncFolderInvalid, () => new SyncFolder(missing, keys, Guid.NewGuid()));
        Assert.False(Directory.Exists(missing));
    }
}
