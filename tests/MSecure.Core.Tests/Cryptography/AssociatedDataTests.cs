using System;
using System.Text;
using MSecure.Core.Cryptography;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public sealed class AssociatedDataTests
{
    [Fact]
    public void Builder_LengthPrefixesEveryComponent()
    {
        byte[] data = new AssociatedDataBuilder("p").AddText("ab").AddUInt32(0x01020304).ToArray();

        Assert.Equal("00000001" + "70" + "00000002" + "6162" + "00000004" + "01020304", Convert.ToHexString(data));
    }

    [Fact]
    public void Builder_SplitsAreNotAmbiguous()
    {
        byte[] abThenC = new AssociatedDataBuilder("purpose").AddText("ab").AddText("c").ToArray();
        byte[] aThenBc = new AssociatedDataBuilder("purpose").AddText("a").AddText("bc").ToArray();
        byte[] joined = new AssociatedDataBuilder("purpose").AddText("abc").ToArray();

        Assert.NotEqual(abThenC, aThenBc);
        Assert.NotEqual(abThenC, joined);
    }

    [Fact]
    public void ForVerifier_IsLabelThenBigEndianAccountId()
    {
        byte[] data = AssociatedData.ForVerifier(TestValues.AccountId);

        string label = Convert.ToHexString(Encoding.ASCII.GetBytes("msecure/v1/verifier"));
        Assert.Equal("00000013" + label + "00000010" + "00112233445566778899AABBCCDDEEFF", Convert.ToHexString(data));
    }

    [Fact]
    public void ForRecord_BindsVaultRecordAndRevision()
    {
        Guid vault = Guid.NewGuid();
        Guid record = Guid.NewGuid();
        byte[] baseline = AssociatedData.ForRecord(vault, record, 7);

        Assert.Equal(baseline, AssociatedData.ForRecord(vault, record, 7));
        Assert.NotEqual(baseline, AssociatedData.ForRecord(vault, record, 8));
        Assert.NotEqual(baseline, AssociatedData.ForRecord(Guid.NewGuid(), record, 7));
        Assert.NotEqual(baseline, AssociatedData.ForRecord(vault, Guid.NewGuid(), 7));
        Assert.NotEqual(baseline, AssociatedData.ForRecord(record, vault, 7));
    }

    [Fact]
    public void ForWrappedAccountKey_BindsEveryStoredField_TheEmailIncluded()
    {
        const string Email = "alice@example.com";
        byte[] salt = new byte[16];
        byte[] baseline = AssociatedData.ForWrappedAccountKey(TestValues.AccountId, Email, KdfParameters.Default, salt);
        byte[] otherSalt = new byte[16];
        otherSalt[0] = 1;

        Assert.NotEqual(baseline, AssociatedData.ForWrappedAccountKey(TestValues.OtherAccountId, Email, KdfParameters.Default, salt));
        Assert.NotEqual(baseline, AssociatedData.ForWrappedAccountKey(TestValues.AccountId, "mallory@example.com", KdfParameters.Default, salt));
        Assert.NotEqual(baseline, AssociatedData.ForWrappedAccountKey(TestValues.AccountId, "Alice@example.com", KdfParameters.Default, salt));
        Assert.NotEqual(baseline, AssociatedData.ForWrappedAccountKey(TestValues.AccountId, Email, KdfParameters.Default with { MemoryKiB = 65_537 }, salt));
        Assert.NotEqual(baseline, AssociatedData.ForWrappedAccountKey(TestValues.AccountId, Email, KdfParameters.Default with { Passes = 4 }, salt));
        Assert.NotEqual(baseline, AssociatedData.ForWrappedAccountKey(TestValues.AccountId, Email, KdfParameters.Default with { Lanes = 2 }, salt));
        Assert.NotEqual(baseline, AssociatedData.ForWrappedAccountKey(TestValues.AccountId, Email, KdfParameters.Default, otherSalt));
        Assert.NotEqual(baseline, AssociatedData.ForLegacyWrappedAccountKey(TestValues.AccountId, KdfParameters.Default, salt));
    }

    [Fact]
    public void PurposesNeverCollide()
    {
        Assert.NotEqual(AssociatedData.ForVerifier(TestValues.AccountId), AssociatedData.ForRecord(TestValues.AccountId, Guid.Empty, 0));
        Assert.Equal("msecure/v2/wrapped-account-key", AssociatedData.WrappedAccountKeyPurpose);
        Assert.Equal("msecure/v1/wrapped-account-key", AssociatedData.LegacyWrappedAccountKeyPurpose);
    }
}
