using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.SecretManagement;
using MSecure.PowerShell.Secrets;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.PowerShell.Tests.SecretManagement;

/// <summary>The SecretManagement type mapping through a real vault: what Set-Secret stores comes back exactly.</summary>
public sealed class SecretMappingTests : IDisposable
{
    private readonly ExtensionVault _vault = new();
    private readonly List<string> _masked = [];

    public void Dispose() => _vault.Dispose();

    [Fact]
    public void String_WithUnicodeNewlinesAndNul_RoundTripsExactly()
    {
        const string value = "line one\r\nline two\n\ttab ☃ 𝄞 é\0end";

        SecretValue read = Read(SecretDrafts.FromString("s", value));

        Assert.Equal(SecretShape.String, read.Shape);
        Assert.Equal(value, Assert.IsType<string>(read.Value));
        Assert.Equal([value], _masked);
    }

    [Fact]
    public void EmptyString_RoundTrips()
    {
        SecretValue read = Read(SecretDrafts.FromString("empty", string.Empty));

        Assert.Equal(SecretShape.String, read.Shape);
        Assert.Equal(string.Empty, read.Value);
    }

    [Fact]
    public void ByteArray_WithAll256Values_RoundTripsExactly()
    {
        byte[] value = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(Enumerable.Range(0, 256).Select(i => (byte)(255 - i))).ToArray();

        SecretValue read = Read(SecretDrafts.FromBytes("b", value));

        Assert.Equal(SecretShape.ByteArray, read.Shape);
        Assert.Equal(value, Assert.IsType<byte[]>(read.Value));
        Assert.Equal([Convert.ToBase64String(value)], _masked);
    }

    [Fact]
    public void ByteArray_OfTheMaximumSize_Fits_AndOneMoreIsRefused()
    {
        byte[] largest = new byte[SecretDrafts.MaximumBytes];
        new Random(7).NextBytes(largest);

        Assert.Equal(largest, Read(SecretDrafts.FromBytes("big", largest)).Value);
        var refused = Assert.Throws<SecretMappingException>(() => SecretDrafts.FromBytes("bigger", new byte[SecretDrafts.MaximumBytes + 1]));
        Assert.Equal(ModuleErrorIds.SecretTypeUnsupported, refused.ErrorId);
    }

    [Fact]
    public void SecureString_RoundTripsAsSecureString()
    {
        using SecureString value = SecureStrings.FromSpan("api-token-☃");

        SecretValue read = Read(SecretDrafts.FromSecureString("ss", value));

        Assert.Equal(SecretShape.SecureString, read.Shape);
        Assert.Equal("api-token-☃", SecureStrings.ToPlainText(Assert.IsType<SecureString>(read.Value)));
    }

    [Fact]
    public void Credential_IsStoredAsALogin_AndComesBackAsUserNameAndPassword()
    {
        using SecureString password = SecureStrings.FromSpan("p@ss word");
        RecordDraft draft = SecretDrafts.FromCredential("cred", "alice@example.com", password);

        Record record = _vault.StoreAndRead(draft);
        SecretValue read = RecordSecrets.Read(record, _masked.Add);

        Assert.Equal(RecordTemplate.Login, record.Template);
        Assert.Equal(SecretShape.PSCredential, read.Shape);
        Assert.Equal("alice@example.com", read.UserName);
        Assert.Equal("p@ss word", SecureStrings.ToPlainText(read.Password!));
        Assert.Equal(["p@ss word"], _masked);
    }

    [Fact]
    public void Hashtable_OfStringsAndSecureStrings_RoundTripsExactly_EmptyValuesIncluded()
    {
        using SecureString token = SecureStrings.FromSpan("t0ken");
        var table = new Hashtable { ["user"] = "bob", ["token"] = token, ["empty"] = string.Empty, ["multi"] = "a\nb" };

        SecretValue read = Read(SecretDrafts.FromTable("h", table));

        var back = Assert.IsType<Hashtable>(read.Value);
        Assert.Equal(SecretShape.Hashtable, read.Shape);
        Assert.Equal(4, back.Count);
        Assert.Equal("bob", back["user"]);
        Assert.Equal(string.Empty, back["EMPTY"]);
        Assert.Equal("a\nb", back["multi"]);
        Assert.Equal("t0ken", SecureStrings.ToPlainText(Assert.IsType<SecureString>(back["token"])));
        Assert.Equal(["t0ken"], _masked);
    }

    [Fact]
    public void Hashtable_WithOneSecureStringValue_StaysAHashtable()
    {
        using SecureString token = SecureStrings.FromSpan("only");

        SecretValue read = Read(SecretDrafts.FromTable("one", new Hashtable { ["token"] = token }));

        Assert.Equal(SecretShape.Hashtable, read.Shape);
        Assert.Single(Assert.IsType<Hashtable>(read.Value));
    }

    [Theory]
    [InlineData(42)]
    [InlineData(true)]
    public void Hashtable_WithAnotherValueType_IsRefused(object value)
    {
        var refused = Assert.Throws<SecretMappingException>(() => SecretDrafts.FromTable("bad", new Hashtable { ["x"] = value }));

        Assert.Equal(ModuleErrorIds.SecretTypeUnsupported, refused.ErrorId);
        Assert.Contains("string or SecureString", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hashtable_UsingTheMarkerLabelAsAKey_IsRefused()
    {
        var refused = Assert.Throws<SecretMappingException>(() => SecretDrafts.FromTable("bad", new Hashtable { ["secretmanagementtype"] = "x" }));

        Assert.Equal(ModuleErrorIds.SecretTypeUnsupported, refused.ErrorId);
    }

    [Fact]
    public void String_WithAnUnpairedSurrogate_IsRefusedByTheVault_WithoutTheValueInTheMessage()
    {
        var refused = Assert.Throws<MSecureException>(() => _vault.Session.Add(SecretDrafts.FromString("lone", "abc\uD800def")));

        Assert.Equal(MSecureErrorCode.InvalidRecord, refused.Code);
        Assert.DoesNotContain("abc", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UserLogin_WithoutUserName_IsNotACredential()
    {
        RecordDraft draft = RecordDraft.FromTemplate("no-user", RecordTemplate.Login);
        draft.SetField("Password", "pw");

        SecretValue read = Read(draft);

        Assert.Equal(SecretShape.SecureString, read.Shape);
        Assert.Equal("pw", SecureStrings.ToPlainText(Assert.IsType<SecureString>(read.Value)));
    }

    [Fact]
    public void UserRecord_WithOneFilledSecretField_IsASecureString()
    {
        RecordDraft draft = RecordDraft.FromTemplate("license", RecordTemplate.SoftwareLicense);
        draft.SetField("LicenseKey", "AAAA-BBBB");

        Assert.Equal(SecretShape.SecureString, Read(draft).Shape);
    }

    [Fact]
    public void UserRecord_WithSeveralFields_IsAHashtableOfItsFilledFieldsAndNotes()
    {
        RecordDraft draft = RecordDraft.FromTemplate("card", RecordTemplate.CreditCard);
        draft.SetField("CardNumber", "4111111111111111");
        draft.SetField("NameOnCard", "A. Person");
        draft.Notes = "backup card";

        SecretValue read = Read(draft);

        var table = Assert.IsType<Hashtable>(read.Value);
        Assert.Equal(SecretShape.Hashtable, read.Shape);
        Assert.Equal(["CardNumber", "NameOnCard", "Notes"], table.Keys.Cast<string>().Order(StringComparer.Ordinal));
        Assert.IsType<SecureString>(table["CardNumber"]);
        Assert.Equal("A. Person", table["NameOnCard"]);
        Assert.Equal("backup card", table["Notes"]);
        Assert.Equal(["4111111111111111"], _masked);
    }

    [Fact]
    public void ByteArrayMarker_OnAValueThatIsNotBase64_IsAClearError()
    {
        RecordDraft draft = SecretDrafts.FromBytes("b", [1, 2, 3]);
        draft.SetField(SecretMarker.ValueLabel, "not base64!");
        Record record = _vault.StoreAndRead(draft);

        var refused = Assert.Throws<SecretMappingException>(() => RecordSecrets.Read(record, _masked.Add));

        Assert.Equal(ModuleErrorIds.SecretRecordInvalid, refused.ErrorId);
        Assert.DoesNotContain("not base64!", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Marker_WithAnUnknownType_IsIgnored()
    {
        RecordDraft draft = SecretDrafts.FromString("s", "v");
        draft.SetField(SecretMarker.Label, "Integer");

        Assert.Equal(SecretShape.Hashtable, Read(draft).Shape);
    }

    private SecretValue Read(RecordDraft draft) => RecordSecrets.Read(_vault.StoreAndRead(draft), _masked.Add);
}
