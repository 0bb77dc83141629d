using System.Collections.Generic;
using MSecure.Core.Records;
using MSecure.Core.Transfer;
using Xunit;

namespace MSecure.Core.Tests.Transfer;

public sealed class KeePassXcCsvFormatTests
{
    private readonly List<ImportItem> _items = ImportFixtures.ReadAll(ImportFormat.KeePassXcCsv, ImportFixtures.PathOf("keepassxc.csv"));

    [Fact]
    public void Rows_Map_Group_Path_Without_Root_Totp_And_Multi_Line_Notes()
    {
        Assert.Equal(["line 2", "line 3", "line 5", "line 6"], _items.ConvertAll(item => item.Location));

        RecordDraft mail = _items[0].Draft();
        Assert.Equal("Mail", mail.Name);
        Assert.Equal(["Username:Text=anna@example.com", "Password:Secret=mail-secret-KXC", "Website:Url=https://mail.example.com"], mail.FilledFields());
        Assert.Empty(mail.Tags);

        RecordDraft aws = _items[1].Draft();
        Assert.Equal("AWS Ünïcödé", aws.Name);
        Assert.Equal(
            [
                "Username:Text=root",
                "Password:Secret=p,a\"ss|w-KXC",
                "Website:Url=https://aws.amazon.com",
                "OneTimePassword:OneTimePasswordSeed=otpauth://totp/AWS:root?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=AWS",
            ],
            aws.FilledFields());
        Assert.Equal(["Work/Cloud"], aws.Tags);
        Assert.Equal("Line one, with comma\nLine two | with \"quotes\"", aws.Notes);
        Assert.All(_items, item => Assert.Empty(item.CustomFields));
        Assert.All(_items, item => Assert.Empty(item.Remarks));
    }

    [Fact]
    public void Note_Row_Is_A_Secure_Note_And_Empty_Title_Is_Untitled()
    {
        RecordDraft note = _items[2].Draft();
        Assert.Equal(RecordTemplate.SecureNote, note.Template);
        Assert.Equal("eggs, milk", note.Notes);
        Assert.Equal(["Notes"], note.Tags);

        RecordDraft untitled = _items[3].Draft();
        Assert.Equal("Untitled", untitled.Name);
        Assert.Equal(["Username:Text=nameless", "Password:Secret=nameless-secret-KXC"], untitled.FilledFields());
        ImportFixtures.NoValueInMessages(_items, "mail-secret-KXC", "p,a\"ss|w-KXC", "nameless-secret-KXC", "JBSWY3DPEHPK3PXP");
    }

    [Fact]
    public void Extra_Columns_Become_Custom_Fields_And_Tags_Are_Read()
    {
        using var directory = new TestSupport.TempDirectory();
        string path = directory.File("extra.csv");
        System.IO.File.WriteAllText(path,
            "\"Group\",\"Title\",\"Username\",\"Password\",\"URL\",\"Notes\",\"TOTP\",\"Icon\",\"Last Modified\",\"Created\",\"Tags\",\"Department\"\n" +
            "\"Root/Ops\",\"Pager\",\"oncall\",\"pw\",\"\",\"\",\"\",\"12\",\"2026-01-01T00:00:00Z\",\"2026-01-01T00:00:00Z\",\"urgent;team\",\"SRE\"\n");

        ImportItem pager = Assert.Single(ImportFixtures.ReadAll(ImportFormat.KeePassXcCsv, path));

        Assert.Equal(["Username:Text=oncall", "Password:Secret=pw", "Department:Text=SRE"], pager.Draft().FilledFields());
        Assert.Equal(["Department"], pager.CustomFields);
        Assert.Equal(["Ops", "urgent", "team"], pager.Draft().Tags);
    }
}
