using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Sync.Folder;
using MSecure.Core.Tests.TestSupport;
using Xunit;

namespace MSecure.Core.Tests.Sync.Folder;

public sealed class FolderRoundTripTests : FolderTestBase
{

    [Fact]
    public void A_batch_written_by_one_device_is_read_by_another_exactly()
    {
        using var writer = Device();
        using var reader = Device();
        List<FolderChange> changes = [FolderDevice.RandomChange(), FolderDevice.RandomChange(deleted: true), FolderDevice.RandomChange(envelopeLength: Envelope.Overhead)];

        Assert.Equal(1, writer.Folder.WriteBatch(changes));
        FolderReadResult result = reader.Pull();

        Assert.Empty(result.Warnings);
        FolderFileRead file = Assert.Single(result.Files);
        Assert.Equal(new FolderFileName(writer.VaultId, FolderFileKind.Batch, 1), file.Name);
        AssertSameChanges(changes, file.Changes);
        Assert.True(reader.State.HasBatch(writer.VaultId, 1));
    }

    [Fact]
    public void A_device_never_reads_its_own_files_and_reads_nothing_twice()
    {
        using var writer = Device();
        using var reader = Device();
        writer.Folder.WriteBatch(FolderDevice.RandomChanges(3));

        Assert.Empty(writer.Pull().Files);
        Assert.Single(reader.Pull().Files);
        Assert.Empty(reader.Pull().Files);

        writer.Folder.WriteBatch(FolderDevice.RandomChanges(2));
        FolderFileRead second = Assert.Single(reader.Pull().Files);
        Assert.Equal(2, second.Name.Number);
        Assert.Equal(2, second.Changes.Count);
    }

    [Fact]
    public void Batches_are_numbered_one_two_three_with_ten_digits()
    {
        using var writer = Device();
        for (int i = 0; i < 3; i++)
        {
            writer.Folder.WriteBatch(FolderDevice.RandomChanges(1));
        }

        string deviceFolder = Path.Combine(SharedFolder.Path, writer.VaultId.ToString());
        Assert.Equal(["0000000001.msync", "0000000002.msync", "0000000003.msync"], Directory.GetFiles(deviceFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_empty_export_writes_no_file()
    {
        using var writer = Device();
        Assert.Equal(0, writer.Folder.WriteBatch([]));
        Assert.False(Directory.Exists(Path.Combine(SharedFolder.Path, writer.VaultId.ToString())));
    }

    [Fact]
    public void A_large_export_is_split_and_every_change_arrives()
    {
        using var writer = Device();
        using var reader = Device();
        List<FolderChange> changes = FolderDevice.RandomChanges(FolderWriter.MaxChangesPerBatch + 5);

        Assert.Equal(2, writer.Folder.WriteBatch(changes));
        FolderReadResult result = reader.Pull();

        AssertSameChanges(changes, [.. result.Changes]);
        Assert.Equal([(1L, 2L)], reader.State.BatchesOf(writer.VaultId).Ranges);
    }

    [Fact]
    public void The_file_is_MSF1_then_an_envelope_under_the_record_key_bound_to_account_author_kind_and_number()
    {
        using var writer = Device();
        FolderChange change = FolderDevice.RandomChange();
        writer.Folder.WriteBatch([change]);
        byte[] content = File.ReadAllBytes(Path.Combine(SharedFolder.Path, writer.VaultId.ToString(), "0000000001.msync"));

        Assert.Equal("MSF1"u8.ToArray(), content[..4]);
        Assert.Equal(Envelope.Version, content[4]);
        byte[] associatedData = new AssociatedDataBuilder("msecure/v1/folder-batch")
            .AddId(TestValues.AccountId).AddId(writer.VaultId).AddText("batch").AddInt64(1).ToArray();
        byte[] json = Envelope.Open(writer.Keys.RecordEncryption, associatedData, content.AsSpan(4));
        string expected = "{\"changes\":[{\"record\":\"" + change.RecordId + "\",\"change\":\"" + change.ChangeId
            + "\",\"deleted\":false,\"envelope\":\"" + Convert.ToBase64String(change.Envelope) + "\"}]}";
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void The_state_survives_its_json_round_trip()
    {
        using var writer = Device();
        using var reader = Device();
        writer.Folder.WriteBatch(FolderDevice.RandomChanges(1));
        writer.Folder.WriteBatch(FolderDevice.RandomChanges(1));
        reader.Pull();

        FolderState copy = FolderState.FromJson(System.Text.Json.Nodes.JsonNode.Parse(reader.State.ToJson().ToJsonString())!.AsObject());

        Assert.Equal(reader.State.ToJson().ToJsonString(), copy.ToJson().ToJsonString());
        Assert.True(copy.HasBatch(writer.VaultId, 2));
        Assert.Empty(writer.Folder.ReadNew(copy).Files);
        Assert.Equal("{\"v\":1,\"batches\":{\"" + writer.VaultId + "\":[[1,2]]},\"compactions\":{}}", copy.ToJson().ToJsonString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{\"v\":2}")]
    [InlineData("{\"v\":1,\"batches\":{\"not-an-id\":[[1,2]]}}")]
    [InlineData("{\"v\":1,\"batches\":{\"00112233-4455-6677-8899-aabbccddeeff\":[[0,2]]}}")]
    [InlineData("{\"v\":1,\"batches\":{\"00112233-4455-6677-8899-aabbccddeeff\":[null]}}")]
    public void A_missing_or_malformed_state_means_read_everything_again(string? json)
    {
        FolderState state = FolderState.FromJson(json is null ? null : System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject());
        Assert.Same(FolderState.Empty, state);
    }

    internal static void AssertSameChanges(IEnumerable<FolderChange> expected, IEnumerable<FolderChange> actual)
    {
        static string Key(FolderChange change) => $"{change.RecordId}/{change.ChangeId}/{change.Deleted}/{Convert.ToBase64String(change.Envelope)}";
        Assert.Equal(expected.Select(Key).Order(StringComparer.Ordinal), actual.Select(Key).Order(StringComparer.Ordinal));
    }
}
