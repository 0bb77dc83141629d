using System;
using System.Security.Cryptography;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Records.Serialization;
using MSecure.Core.Sync;
using Xunit;

namespace MSecure.Core.Tests.Sync;

public sealed class SyncEnvelopeTests : IDisposable
{
    private static readonly Guid Account = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    private static readonly Guid RecordId = Guid.Parse("b0000000-0000-0000-0000-000000000002");
    private static readonly Guid Change = Guid.Parse("c0000000-0000-0000-0000-000000000003");

    private readonly SecretKey _key = SecretKey.CopyFrom(RandomNumberGenerator.GetBytes(32));
    private readonly SyncEnvelope _envelopes;

    public SyncEnvelopeTests() => _envelopes = new SyncEnvelope(_key, Account, "https://sync.test/");

    public void Dispose()
    {
        _envelopes.Dispose();
        _key.Dispose();
    }

    [Fact]
    public void A_sealed_change_opens_with_its_json_and_metadata()
    {
        byte[] json = RecordJson(Change);
        byte[] envelope = _envelopes.Seal(RecordId, Change, json);

        using RevisionText text = _envelopes.Open(RecordId, Change, deleted: false, envelope);

        Assert.Equal(json, text.Json);
        Assert.Equal(Change, text.Change);
        Assert.Equal("mail", text.Record!.Name);
        Assert.False(text.Deleted);
    }

    [Fact]
    public void The_associated_data_is_the_documented_encoding_of_label_account_record_and_change()
    {
        byte[] json = RecordJson(Change);
        byte[] envelope = _envelopes.Seal(RecordId, Change, json);
        byte[] associatedData = new AssociatedDataBuilder("msecure/v1/sync-change").AddId(Account).AddId(RecordId).AddId(Change).ToArray();

        Assert.Equal(json, Envelope.Open(_key, associatedData, envelope));
    }

    [Fact]
    public void A_flipped_byte_anywhere_is_SyncTampered()
    {
        byte[] envelope = _envelopes.Seal(RecordId, Change, RecordJson(Change));
        for (int i = 0; i < envelope.Length; i++)
        {
            byte[] tampered = (byte[])envelope.Clone();
            tampered[i] ^= 0x01;
            TestValues.AssertFails(MSecureErrorCode.SyncTampered, () => _envelopes.Open(RecordId, Change, false, tampered));
        }
    }

    [Fact]
    public void An_envelope_opened_as_another_record_change_or_account_is_SyncTampered()
    {
        byte[] envelope = _envelopes.Seal(RecordId, Change, RecordJson(Change));
        using var otherAccount = new SyncEnvelope(_key, Guid.NewGuid(), "https://sync.test/");

        TestValues.AssertFails(MSecureErrorCode.SyncTampered, () => _envelopes.Open(Guid.NewGuid(), Change, false, envelope));
        TestValues.AssertFails(MSecureErrorCode.SyncTampered, () => _envelopes.Open(RecordId, Guid.NewGuid(), false, envelope));
        TestValues.AssertFails(MSecureErrorCode.SyncTampered, () => otherAccount.Open(RecordId, Change, false, envelope));
        TestValues.AssertFails(MSecureErrorCode.SyncTampered, () => _envelopes.Open(RecordId, Change, false, envelope.AsSpan(0, 20).ToArray()));
    }

    [Fact]
    public void Content_whose_metadata_names_another_change_is_SyncTampered()
    {
        byte[] envelope = _envelopes.Seal(RecordId, Change, RecordJson(Guid.NewGuid()));

        TestValues.AssertFails(MSecureErrorCode.SyncTampered, () => _envelopes.Open(RecordId, Change, false, envelope));
    }

    [Fact]
    public void Content_without_sync_metadata_is_SyncTampered()
    {
        byte[] envelope = _envelopes.Seal(RecordId, Change, """{"v":1,"name":"mail","template":"Login","created":1,"modified":2}"""u8);

        TestValues.AssertFails(MSecureErrorCode.SyncTampered, () => _envelopes.Open(RecordId, Change, false, envelope));
    }

    [Fact]
    public void The_deleted_flag_must_match_the_content()
    {
        byte[] record = _envelopes.Seal(RecordId, Change, RecordJson(Change));
        byte[] tombstone = _envelopes.Seal(RecordId, Change, TombstoneJson(RecordId, Change));
        byte[] otherTombstone = _envelopes.Seal(RecordId, Change, TombstoneJson(Guid.NewGuid(), Change));

        TestValues.AssertFails(MSecureErrorCode.SyncTampered, () => _envelopes.Open(RecordId, Change, true, record));
        TestValues.AssertFails(MSecureErrorCode.SyncTampered, () => _envelopes.Open(RecordId, Change, false, tombstone));
        TestValues.AssertFails(MSecureErrorCode.SyncTampered, () => _envelopes.Open(RecordId, Change, true, otherTombstone));
        using RevisionText opened = _envelopes.Open(RecordId, Change, true, tombstone);
        Assert.True(opened.Deleted);
    }

    [Fact]
    public void Errors_name_the_record_and_never_the_content()
    {
        byte[] envelope = _envelopes.Seal(RecordId, Change, RecordJson(Change));
        envelope[^1] ^= 1;

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.SyncTampered, () => _envelopes.Open(RecordId, Change, false, envelope));

        Assert.Contains(RecordId.ToString(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    private static byte[] RecordJson(Guid change) => Encoding.UTF8.GetBytes(
        $$$"""{"v":1,"name":"mail","template":"Login","fields":[{"label":"Password","kind":"Secret","value":"hunter2"}],"created":1,"modified":2,"sync":{"change":"{{{change}}}","parent":null,"author":"{{{Guid.Empty}}}","copyOf":null}}""");

    private static byte[] TombstoneJson(Guid id, Guid change) => Encoding.UTF8.GetBytes(
        $$$"""{"v":1,"id":"{{{id}}}","deleted":true,"modified":3,"sync":{"change":"{{{change}}}","parent":null,"author":"{{{Guid.Empty}}}","copyOf":null}}""");
}
