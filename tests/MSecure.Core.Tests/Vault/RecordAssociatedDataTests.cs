using System;
using MSecure.Core.Cryptography;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Vault;

public sealed class RecordAssociatedDataTests
{
    private static readonly Guid VaultId = new("00112233-4455-6677-8899-aabbccddeeff");
    private static readonly Guid RecordId = new("ffeeddcc-bbaa-9988-7766-554433221100");

    [Fact]
    public void TheRecordRole_IsExactlyTheCoresRecordAssociatedData()
    {
        Assert.Equal(AssociatedData.ForRecord(VaultId, RecordId, 7), Write(EnvelopeRole.Record, 7));
    }

    [Theory]
    [InlineData(1, "msecure/v1/record-summary")]
    [InlineData(2, "msecure/v1/record-history")]
    public void OtherRoles_UseTheBuildersEncodingWithTheirOwnLabel(int roleNumber, string label)
    {
        var role = (EnvelopeRole)roleNumber;
        byte[] expected = new AssociatedDataBuilder(label).AddId(VaultId).AddId(RecordId).AddInt64(long.MaxValue).ToArray();

        Assert.Equal(expected, Write(role, long.MaxValue));
        Assert.Equal(label, RecordAssociatedData.PurposeOf(role));
    }

    [Fact]
    public void TheRoles_NeverShareAssociatedData()
    {
        Assert.NotEqual(Write(EnvelopeRole.Record, 1), Write(EnvelopeRole.Summary, 1));
        Assert.NotEqual(Write(EnvelopeRole.Record, 1), Write(EnvelopeRole.History, 1));
        Assert.NotEqual(Write(EnvelopeRole.Summary, 1), Write(EnvelopeRole.History, 1));
    }

    private static byte[] Write(EnvelopeRole role, long revision)
    {
        byte[] buffer = new byte[RecordAssociatedData.MaximumLength];
        int length = RecordAssociatedData.Write(role, VaultId, RecordId, revision, buffer);
        return buffer[..length];
    }
}
