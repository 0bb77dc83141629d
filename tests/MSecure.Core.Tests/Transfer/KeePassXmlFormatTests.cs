using System;
using System.Collections.Generic;
using System.IO;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Tests.TestSupport;
using MSecure.Core.Transfer;
using Xunit;

namespace MSecure.Core.Tests.Transfer;

public sealed class KeePassXmlFormatTests
{
    private static readonly string[] Secrets =
        ["router-secret-KPX", "p,a\"ss|w<rd-KPX", "aws-access-key-KPX", "old-aws-KPX-1", "bank-secret-KPX", "GEZDGNBVGY3TQOJQ", "hotp-secret-KPX", "JBSWY3DPEHPK3PXP", "deleted-secret-KPX"];

    private readonly List<ImportItem> _items = ImportFixtures.ReadAll(ImportFormat.KeePassXml, ImportFixtures.PathOf("keepass2.xml"));

    [Fact]
    public void Entries_Come_In_File_Order_Without_The_Recycle_Bin()
    {
        Assert.Equal(
            ["Router admin", "AWS Ünïcödé", "Bank (KeePass TOTP)", "VPN (legacy KeePassXC TOTP)", "Wi-Fi at grandma's", "Untitled"],
            _items.ConvertAll(item => item.Draft().Name));
        Assert.Equal(["entry 1", "entry 2", "entry 3", "entry 4", "entry 5", "entry 6"], _items.ConvertAll(item => item.Location));
        Assert.All(_items, item => Assert.Equal("entry", item.SourceKind));
        ImportFixtures.NoValueInMessages(_items, Secrets);
    }

    [Fact]
    public void Root_Entry_Keeps_White_Space_In_Its_Password_And_Has_Only_Its_Own_Tags()
    {
        RecordDraft router = _items[0].Draft();

        Assert.Equal(RecordTemplate.Login, router.Template);
        Assert.Equal(["Username:Text=admin", "Password:Secret=  router-secret-KPX  ", "Website:Url=http://192.168.1.1"], router.FilledFields());
        Assert.Equal(["home", "router"], router.Tags);
        Assert.Equal(string.Empty, router.Notes);
    }

    [Fact]
    public void Nested_Group_Custom_Strings_Otp_Attachment_And_History()
    {
        ImportItem aws = _items[1];
        RecordDraft draft = aws.Draft();

        Assert.Equal(
            [
                "Username:Text=root@example.com",
                "Password:Secret=p,a\"ss|w<rd-KPX",
                "Website:Url=https://aws.amazon.com",
                "OneTimePassword:OneTimePasswordSeed=otpauth://totp/AWS:root?secret=JBSWY3DPEHPK3PXP&issuer=AWS",
                "Account ID:Text=123456789012",
                "Secret Access Key:Secret=aws-access-key-KPX",
                "URL (2):Text=https://console.aws.amazon.com",
            ],
            draft.FilledFields());
        Assert.Equal(["Account ID", "Secret Access Key", "URL (2)"], aws.CustomFields);
        Assert.Equal(["Work/Cloud ☁", "aws", "prod"], draft.Tags);
        Assert.Equal("Line one, with comma\nLine two | with \"quotes\" & ampersand", draft.Notes);
        Assert.Equal(["attachment 'backup-codes.txt' skipped", "2 history revision(s) not imported"], aws.Remarks);
    }

    [Fact]
    public void KeePass_TimeOtp_And_Legacy_KeePassXC_Totp_Become_Uris_When_Not_Default()
    {
        RecordDraft bank = _items[2].Draft();
        bank.HasField("OneTimePassword", "otpauth://totp/Bank%20%28KeePass%20TOTP%29?secret=GEZDGNBVGY3TQOJQ&digits=8&algorithm=SHA256", FieldKind.OneTimePasswordSeed);
        bank.HasField("HmacOtp-Secret", "hotp-secret-KPX", FieldKind.Secret);
        bank.HasNoField("TimeOtp-Secret-Base32");
        bank.HasNoField("TimeOtp-Length");
        Assert.Equal(["HmacOtp-Secret"], _items[2].CustomFields);

        RecordDraft vpn = _items[3].Draft();
        vpn.HasField("OneTimePassword", "otpauth://totp/VPN%20%28legacy%20KeePassXC%20TOTP%29?secret=JBSWY3DPEHPK3PXP&period=60", FieldKind.OneTimePasswordSeed);
        Assert.Equal(["Work"], vpn.Tags);
        Assert.Empty(_items[3].CustomFields);
    }

    [Fact]
    public void Note_Only_Entry_Is_A_Secure_Note_And_An_Empty_Title_Is_Untitled()
    {
        RecordDraft note = _items[4].Draft();
        Assert.Equal(RecordTemplate.SecureNote, note.Template);
        Assert.Equal("Network: Oma\nKey on the fridge 日本", note.Notes);
        Assert.Equal(["Notes"], note.Tags);

        RecordDraft untitled = _items[5].Draft();
        Assert.Equal(RecordTemplate.Login, untitled.Template);
        Assert.Equal(["Username:Text=nameless"], untitled.FilledFields());
    }

    [Theory]
    [InlineData("1.2.3.4", "ONSWG4TFOQ")]
    [InlineData("key=onswg4tfoq&step=30&size=6", "ONSWG4TFOQ")]
    [InlineData("key=ONSWG4TFOQ&step=60&size=8&otpHashMode=Sha512", "otpauth://totp/T?secret=ONSWG4TFOQ&period=60&digits=8&algorithm=SHA512")]
    public void KeeOtp_Strings_Are_Converted(string otp, string expected)
    {
        // "1.2.3.4" stands for a TimeOtp-Secret (UTF-8 text) secret: "secret" in Base32 is ONSWG4TFOQ.
        string strings = otp == "1.2.3.4"
            ? "<String><Key>TimeOtp-Secret</Key><Value>secret</Value></String>"
            : $"<String><Key>otp</Key><Value>{System.Security.SecurityElement.Escape(otp)}</Value></String>";
        List<ImportItem> items = ReadXml($"<KeePassFile><Root><Group><Name>R</Name><Entry><String><Key>Title</Key><Value>T</Value></String>{strings}</Entry></Group></Root></KeePassFile>");

        Assert.Equal(expected, Assert.Single(items).Draft().Fields.Find(f => f.Label == "OneTimePassword")!.Value);
    }

    [Fact]
    public void A_Protected_Value_Is_A_Problem_Naming_The_Key_Not_The_Value()
    {
        List<ImportItem> items = ReadXml(
            "<KeePassFile><Root><Group><Name>R</Name>" +
            "<Entry><String><Key>Title</Key><Value>Sealed</Value></String><String><Key>Password</Key><Value Protected=\"True\">c2VhbGVkLXNlY3JldA==</Value></String></Entry>" +
            "<Entry><String><Key>Title</Key><Value>Open</Value></String></Entry>" +
            "</Group></Root></KeePassFile>");

        Assert.Equal(2, items.Count);
        Assert.Null(items[0].Draft);
        Assert.Equal("entry 1", items[0].Location);
        Assert.Contains("'Password' is encrypted", items[0].Problem!, StringComparison.Ordinal);
        ImportFixtures.NoValueInMessages(items, "c2VhbGVkLXNlY3JldA==");
        Assert.Equal("Open", items[1].Draft().Name);
    }

    [Theory]
    [InlineData("<KeePassFile><Root><Group><Entry><String><Key>Password</Key><Value>leak-me-KPX</Value></String></Entry></Root></KeePassFile>")]
    [InlineData("<!DOCTYPE KeePassFile [<!ENTITY x \"leak-me-KPX\">]><KeePassFile><Root/></KeePassFile>")]
    [InlineData("<KeePassFile><Meta/></KeePassFile>")]
    public void Broken_Xml_A_Dtd_Or_No_Root_Is_ImportFileInvalid_Without_Content(string xml)
    {
        var error = Assert.Throws<MSecureException>(() => ReadXml(xml));

        Assert.Equal(MSecureErrorCode.ImportFileInvalid, error.Code);
        Assert.DoesNotContain("leak-me", error.Message, StringComparison.Ordinal);
    }

    private static List<ImportItem> ReadXml(string xml)
    {
        using var directory = new TempDirectory();
        string path = directory.File("k.xml");
        File.WriteAllText(path, xml);
        return ImportFixtures.ReadAll(ImportFormat.KeePassXml, path);
    }
}
