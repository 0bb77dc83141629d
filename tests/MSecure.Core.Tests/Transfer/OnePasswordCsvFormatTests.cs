using System.Collections.Generic;
using MSecure.Core.Records;
using MSecure.Core.Transfer;
using Xunit;

namespace MSecure.Core.Tests.Transfer;

public sealed class OnePasswordCsvFormatTests
{
    private static readonly string[] Secrets = ["pa|ss,w\"rd-1P8", "forum-secret-1P8", "ghost-secret-1P8", "bank-pass-1P7", "4111111111111111", "wallet-pass-1P7", "ABCD-EFGH-1P7", "JBSWY3DPEHPK3PXP"];

    [Fact]
    public void OnePassword8_Login_Maps_Every_Column()
    {
        List<ImportItem> items = ImportFixtures.ReadAll(ImportFormat.OnePasswordCsv, ImportFixtures.PathOf("onepassword8.csv"));

        Assert.Equal(4, items.Count);
        ImportItem mail = items[0];
        Assert.Equal("line 2", mail.Location);
        Assert.Equal("Login", mail.SourceKind);
        RecordDraft draft = mail.Draft();
        Assert.Equal("Ünïcödé Mail ✉", draft.Name);
        Assert.Equal(RecordTemplate.Login, draft.Template);
        Assert.Equal(
            [
                "Username:Text=anna@example.com",
                "Password:Secret=pa|ss,w\"rd-1P8",
                "Website:Url=https://mail.example.com",
                "OneTimePassword:OneTimePasswordSeed=otpauth://totp/Mail:anna?secret=JBSWY3DPEHPK3PXP&issuer=Mail",
            ],
            draft.FilledFields());
        Assert.Equal("Line one, with comma\nLine two | with \"quotes\"", draft.Notes);
        Assert.Equal(["Work", "Cloud"], draft.Tags);
        Assert.True(draft.IsFavorite);
        Assert.Empty(mail.CustomFields);
        Assert.Empty(mail.Remarks);
    }

    [Fact]
    public void OnePassword8_Archived_Note_And_Untitled_Rows()
    {
        List<ImportItem> items = ImportFixtures.ReadAll(ImportFormat.OnePasswordCsv, ImportFixtures.PathOf("onepassword8.csv"));

        ImportItem forum = items[1];
        Assert.Equal("line 4", forum.Location);
        Assert.Equal(["archived in 1Password"], forum.Remarks);
        Assert.False(forum.Draft().IsFavorite);

        RecordDraft note = items[2].Draft();
        Assert.Equal("line 5", items[2].Location);
        Assert.Equal(RecordTemplate.SecureNote, note.Template);
        Assert.Equal("Only text here", note.Notes);
        Assert.Equal(["Personal"], note.Tags);

        RecordDraft untitled = items[3].Draft();
        Assert.Equal("Untitled", untitled.Name);
        untitled.HasField("OneTimePassword", "JBSWY3DPEHPK3PXP", FieldKind.OneTimePasswordSeed);
        untitled.HasField("Password", "ghost-secret-1P8", FieldKind.Secret);
        ImportFixtures.NoValueInMessages(items, Secrets);
    }

    [Fact]
    public void OnePassword7_Typed_Rows_Map_Onto_Templates()
    {
        List<ImportItem> items = ImportFixtures.ReadAll(ImportFormat.OnePasswordCsv, ImportFixtures.PathOf("onepassword7.csv"));

        Assert.Equal(8, items.Count);
        ImportItem bank = items.Named("Bank login");
        Assert.Equal("line 2", bank.Location);
        Assert.Equal(
            ["Username:Text=bob", "Password:Secret=bank-pass-1P7", "Website:Url=https://bank.example", "Security question:Text=Name of first pet?"],
            bank.Draft().FilledFields());
        Assert.Equal(["Security question"], bank.CustomFields);
        Assert.Equal("Pipes | and, commas", bank.Draft().Notes);

        ImportItem card = items.Named("Visa ✓");
        Assert.Equal("Credit Card", card.SourceKind);
        Assert.Equal(RecordTemplate.CreditCard, card.Draft().Template);
        Assert.Equal(
            ["CardNumber:Secret=4111111111111111", "ExpirationDate:Date=12/2029", "SecurityCode:Pin=123", "NameOnCard:Text=Bob Builder", "Pin:Pin=9876"],
            card.Draft().FilledFields());
        Assert.Empty(card.CustomFields);

        ImportItem diary = items.Named("Diary");
        Assert.Equal("line 4", diary.Location);
        Assert.Equal(RecordTemplate.SecureNote, diary.Draft().Template);
        Assert.Equal("Dear diary,\nsecond line \"quoted\"", diary.Draft().Notes);

        Assert.Equal(["FirstName:Text=Bob", "LastName:Text=Builder"], items.Named("Bob").Draft().FilledFields());
        Assert.Equal(RecordTemplate.Identity, items.Named("Bob").Draft().Template);
        Assert.Equal(
            ["AccountNumber:Secret=12345678", "RoutingNumber:Text=021000021", "Pin:Pin=1111"],
            items.Named("Savings").Draft().FilledFields());
        Assert.Equal(["LicenseKey:Secret=ABCD-EFGH-1P7"], items.Named("Editor Pro").Draft().FilledFields());
        Assert.Equal(RecordTemplate.SoftwareLicense, items.Named("Editor Pro").Draft().Template);
        Assert.Equal(["MemberId:Text=M-42"], items.Named("Gym").Draft().FilledFields());
        Assert.Equal(RecordTemplate.Membership, items.Named("Gym").Draft().Template);
    }

    [Fact]
    public void OnePassword7_Unknown_Type_Becomes_A_Login_With_A_Remark()
    {
        ImportItem wallet = ImportFixtures.ReadAll(ImportFormat.OnePasswordCsv, ImportFixtures.PathOf("onepassword7.csv")).Named("Wallet");

        Assert.Equal(RecordTemplate.Login, wallet.Draft().Template);
        Assert.Equal("Crypto Thing", wallet.SourceKind);
        Assert.Equal(["Username:Text=carol", "Password:Secret=wallet-pass-1P7"], wallet.Draft().FilledFields());
        Assert.Contains(wallet.Remarks, remark => remark.Contains("'Crypto Thing' is not known", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_Stray_Quote_Inside_An_Unquoted_Value_Is_Kept_As_Text()
    {
        using var directory = new TestSupport.TempDirectory();
        string path = directory.File("stray.csv");
        System.IO.File.WriteAllText(path,
            "Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\n" +
            "Good,https://a.example,u,good-secret,,false,false,,\n" +
            "Odd,https://b.example,u,odd\"sec\"ret-XYZ,,false,false,,\n");

        List<ImportItem> items = ImportFixtures.ReadAll(ImportFormat.OnePasswordCsv, path);

        Assert.Equal(["line 2", "line 3"], items.ConvertAll(item => item.Location));
        items.Named("Odd").Draft().HasField("Password", "odd\"sec\"ret-XYZ", FieldKind.Secret);
        ImportFixtures.NoValueInMessages(items, "sec\"ret-XYZ", "good-secret");
    }

    [Fact]
    public void A_Header_Without_Title_Is_ImportFileInvalid()
    {
        using var directory = new TestSupport.TempDirectory();
        string path = directory.File("no-title.csv");
        System.IO.File.WriteAllText(path, "Name2,Url,Username,Password\nx,y,z,w\n");

        var error = Assert.Throws<Errors.MSecureException>(() => ImportFixtures.ReadAll(ImportFormat.OnePasswordCsv, path));

        Assert.Equal(Errors.MSecureErrorCode.ImportFileInvalid, error.Code);
    }

    [Fact]
    public void Values_Without_A_Template_Field_Keep_Their_Kind_As_Custom_Fields()
    {
        using var directory = new TestSupport.TempDirectory();
        string path = directory.File("typed.csv");
        System.IO.File.WriteAllText(path,
            "Title,Type,Username,Password,URL,Notes,Shipping address,Recovery PIN,Support phone,Help link\n" +
            "Locker,Secure Note,locker-user,locker-secret,https://locker.example,text,1 Main St,2468,555 0100,https://help.example\n");

        ImportItem locker = Assert.Single(ImportFixtures.ReadAll(ImportFormat.OnePasswordCsv, path));

        Assert.Equal(RecordTemplate.SecureNote, locker.Draft().Template);
        Assert.Equal(
            [
                "Username:Text=locker-user", "Password:Secret=locker-secret", "Website:Url=https://locker.example",
                "Shipping address:Text=1 Main St", "Recovery PIN:Secret=2468", "Support phone:Phone=555 0100", "Help link:Url=https://help.example",
            ],
            locker.Draft().FilledFields());
        Assert.Equal(["Username", "Password", "Website", "Shipping address", "Recovery PIN", "Support phone", "Help link"], locker.CustomFields);
    }
}
