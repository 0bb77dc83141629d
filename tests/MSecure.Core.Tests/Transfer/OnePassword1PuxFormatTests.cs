using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Tests.TestSupport;
using MSecure.Core.Transfer;
using Xunit;

namespace MSecure.Core.Tests.Transfer;

public sealed class OnePassword1PuxFormatTests : IDisposable
{
    private static readonly string[] Secrets =
    [
        "gh-pass|,\"1PUX\"", "login-extra-secret-1PUX", "recovery-secret-1PUX", "old-1PUX-1", "4111111111111111", "standalone-secret-1PUX",
        "ABCD-EFGH-1PUX", "db-secret-1PUX", "078-05-1120", "router-admin-1PUX", "wifi-secret-1PUX", "server-secret-1PUX", "api-key-1PUX",
        "KEY1PUX", "future-secret-1PUX", "ops-secret-1PUX", "JBSWY3DPEHPK3PXP",
    ];

    private readonly TempDirectory _directory = new();
    private readonly List<ImportItem> _items;

    public OnePassword1PuxFormatTests()
    {
        _items = ImportFixtures.ReadAll(ImportFormat.OnePassword1Pux, ImportFixtures.Build1Pux(_directory.Path));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Every_Item_Is_Read_In_File_Order_And_None_Fails()
    {
        Assert.Equal(24, _items.Count);
        Assert.All(_items, item => Assert.Null(item.Problem));
        Assert.Equal(Enumerable.Range(1, 24).Select(n => $"entry {n}"), _items.Select(item => item.Location));
        Assert.Equal(
            ["001", "002", "003", "004", "005", "006", "100", "101", "102", "103", "104", "105", "106", "107", "108", "109", "110", "111", "112", "113", "114", "999", "001", "001"],
            _items.Select(item => item.SourceKind));
        ImportFixtures.NoValueInMessages(_items, Secrets);
    }

    [Fact]
    public void Login_Maps_Login_Fields_Urls_Totp_Sections_Tags_And_Reports_Attachment_And_History()
    {
        ImportItem item = _items.Named("GitHub ✓");
        RecordDraft draft = item.Draft();

        Assert.Equal(RecordTemplate.Login, draft.Template);
        Assert.Equal(
            [
                "Username:Text=anna@example.com",
                "Password:Secret=gh-pass|,\"1PUX\"",
                "Website:Url=https://github.com",
                "OneTimePassword:OneTimePasswordSeed=otpauth://totp/GitHub:anna?secret=JBSWY3DPEHPK3PXP&issuer=GitHub",
                "Enterprise:Url=https://ghe.example.com",
                "remember:Text=✓",
                "pin code:Secret=login-extra-secret-1PUX",
                "Recovery:Secret=recovery-secret-1PUX",
            ],
            draft.FilledFields());
        Assert.Equal(["Enterprise", "remember", "pin code", "Recovery"], item.CustomFields);
        Assert.Equal(["Personal", "Work/Dev", "Cloud"], draft.Tags);
        Assert.True(draft.IsFavorite);
        Assert.Equal("First line, with comma\nSecond line | \"quoted\"\nDritte Zeile äöü", draft.Notes);
        Assert.Equal(["attachment 'recovery-codes.txt' skipped", "2 earlier password(s) in 1Password's history not imported"], item.Remarks);
    }

    [Fact]
    public void Credit_Card_Fields_By_Id_MonthYear_And_A_Totp_On_A_Non_Login()
    {
        ImportItem item = _items.Named("Visa Platinum");

        Assert.Equal(RecordTemplate.CreditCard, item.Draft().Template);
        Assert.Equal(
            [
                "CardNumber:Secret=4111111111111111", "ExpirationDate:Date=12/2029", "SecurityCode:Pin=123", "NameOnCard:Text=Anna Example",
                "Pin:Pin=4321", "CardType:Text=visa", "IssuingBank:Text=Example Bank", "Phone:Phone=+1 555 0100",
                "valid from:Date=01/2024", "OneTimePassword:OneTimePasswordSeed=JBSWY3DPEHPK3PXP",
            ],
            item.Draft().FilledFields());
        Assert.Equal(["valid from", "OneTimePassword"], item.CustomFields);
        Assert.False(item.Draft().IsFavorite);
    }

    [Fact]
    public void Identity_Address_Date_Email_And_A_Second_Phone()
    {
        ImportItem item = _items.Named("Anna Identity");

        Assert.Equal(
            [
                "FirstName:Text=Anna", "LastName:Text=Example", "Email:Email=anna@example.com", "Phone:Phone=+1 555 0101",
                "Address:Text=1 Main St", "City:Text=Springfield", "State:Text=IL", "PostalCode:Text=12345", "Country:Text=us",
                "Birthday:Date=1990-01-01", "initial:Text=Q", "Phone (2):Phone=+1 555 0102",
            ],
            item.Draft().FilledFields());
        Assert.Equal(["initial", "Phone"], item.CustomFields);
    }

    [Fact]
    public void Notes_Password_And_Document_Items()
    {
        RecordDraft note = _items.Named("Secure note 日本").Draft();
        Assert.Equal(RecordTemplate.SecureNote, note.Template);
        Assert.Equal("Nur Text — ünïcödé 日本語\nzweite Zeile, mit \"Anführung\" | Pipe", note.Notes);

        RecordDraft password = _items.Named("Wi-Fi guest password").Draft();
        Assert.Equal(RecordTemplate.Login, password.Template);
        Assert.Equal(["Password:Secret=standalone-secret-1PUX"], password.FilledFields());

        ImportItem document = _items.Named("Passport scan");
        Assert.Equal(RecordTemplate.SecureNote, document.Draft().Template);
        Assert.Equal(["attachment 'passport-scan.pdf' skipped"], document.Remarks);
    }

    [Theory]
    [InlineData("Editor Pro", RecordTemplate.SoftwareLicense, new[] { "Version:Text=5.1", "LicenseKey:Secret=ABCD-EFGH-1PUX", "LicensedTo:Text=Anna Example", "Email:Email=anna@example.com", "PurchaseDate:Date=2023-01-01", "Website:Url=https://editor.example/download", "publisher:Text=Editor Inc" })]
    [InlineData("Savings account", RecordTemplate.BankAccount, new[] { "BankName:Text=Example Bank", "AccountNumber:Secret=12345678", "RoutingNumber:Text=021000021", "AccountType:Text=savings", "Iban:Secret=DE89370400440532013000", "Swift:Text=EXAMUS33", "Pin:Pin=2468", "Phone:Phone=+1 555 0103", "name on account:Text=Anna Example", "address:Text=2 Bank Rd" })]
    [InlineData("Orders DB", RecordTemplate.ServerDatabase, new[] { "Type:Text=postgresql", "Host:Text=db.example.com", "Port:Text=5432", "Database:Text=orders", "Username:Text=app", "Password:Secret=db-secret-1PUX", "SID:Text=ORCL", "connection options:Text=sslmode=require" })]
    [InlineData("Driver licence", RecordTemplate.DriversLicense, new[] { "FullName:Text=Anna Example", "Number:Secret=D1234567", "State:Text=IL", "Class:Text=B", "DateOfBirth:Date=1990-01-01", "ExpirationDate:Date=05/2030", "country:Text=US" })]
    [InlineData("Fishing licence", RecordTemplate.SecureNote, new[] { "full name:Text=Anna Example", "approved wildlife:Text=trout" })]
    [InlineData("Gym", RecordTemplate.Membership, new[] { "Organization:Text=Fit Club", "MemberName:Text=Anna Example", "MemberId:Text=M-42", "ExpirationDate:Date=06/2027", "Phone:Phone=+1 555 0104", "Website:Url=https://fit.example", "PIN:Secret=1357" })]
    [InlineData("Passport", RecordTemplate.Passport, new[] { "FullName:Text=Anna Example", "Number:Secret=X1234567", "Nationality:Text=Utopian", "IssuingCountry:Text=Utopia", "DateOfBirth:Date=1990-01-01", "IssueDate:Date=2020-01-01", "ExpirationDate:Date=2030-01-01", "type:Text=P" })]
    [InlineData("Air miles", RecordTemplate.Membership, new[] { "Organization:Text=Example Air", "MemberName:Text=Anna Example", "MemberId:Text=EA-777" })]
    [InlineData("SSN", RecordTemplate.SocialSecurity, new[] { "FullName:Text=Anna Example", "Number:Secret=078-05-1120" })]
    [InlineData("Home router", RecordTemplate.WirelessRouter, new[] { "NetworkName:Text=HomeNet", "Password:Secret=wifi-secret-1PUX", "Security:Text=wpa2p", "RouterAddress:Url=192.168.1.1", "AdminPassword:Secret=router-admin-1PUX", "base station name:Text=Basement" })]
    [InlineData("Build server", RecordTemplate.ServerDatabase, new[] { "Host:Text=ssh://build.example.com", "Username:Text=deploy", "Password:Secret=server-secret-1PUX", "admin console URL:Url=https://build.example.com/admin", "console password:Secret=console-secret-1PUX" })]
    [InlineData("Work mail", RecordTemplate.EmailAccount, new[] { "Password:Secret=mail-secret-1PUX", "Username:Text=anna@work.example", "IncomingServer:Text=imap.work.example", "OutgoingServer:Text=smtp.work.example", "type:Text=imap", "port number:Text=993" })]
    [InlineData("Payments API", RecordTemplate.Login, new[] { "Username:Text=api-user", "Password:Secret=api-key-1PUX", "Website:Url=https://api.pay.example", "type:Text=bearer", "expires:Date=2030-01-01" })]
    [InlineData("Health", RecordTemplate.SecureNote, new[] { "insurer:Text=Health Co", "patient:Text=Anna" })]
    [InlineData("Deploy key", RecordTemplate.SecureNote, new[] { "Private Key:Secret=-----BEGIN OPENSSH PRIVATE KEY-----\nKEY1PUX\n-----END OPENSSH PRIVATE KEY-----\n", "Public Key:Text=ssh-ed25519 AAAAC3Nza anna@example", "Fingerprint:Text=SHA256:abc123", "Key Type:Text=ed25519" })]
    public void Every_Category_Maps_Field_By_Field(string name, RecordTemplate template, string[] fields)
    {
        ImportItem item = _items.Named(name);

        Assert.Equal(template, item.Draft().Template);
        Assert.Equal(fields, item.Draft().FilledFields());
        Assert.Equal(["Personal"], item.Draft().Tags);
    }

    [Fact]
    public void Unknown_Category_Untitled_Item_And_A_Second_Vault()
    {
        ImportItem future = _items.Named("Future thing");
        Assert.Equal(RecordTemplate.Login, future.Draft().Template);
        Assert.Equal(["Username:Text=future-user", "Password:Secret=future-secret-1PUX"], future.Draft().FilledFields());
        Assert.Contains(future.Remarks, remark => remark.Contains("'999' is not known", StringComparison.Ordinal));

        Assert.Equal(["Username:Text=nobody"], _items.Named("Untitled").Draft().FilledFields());

        ImportItem ops = _items.Named("Ops console");
        Assert.Equal(["Shared Ops ⚙"], ops.Draft().Tags);
        Assert.Equal(["archived in 1Password"], ops.Remarks);
        ops.Draft().HasField("Website", "https://ops.example", FieldKind.Url);
    }

    [Fact]
    public void Large_Export_Streams_Across_Buffer_Refills()
    {
        const int Count = 3000;
        var json = new StringBuilder("{\"accounts\":[{\"attrs\":{\"name\":\"A\"},\"vaults\":[{\"attrs\":{\"name\":\"Big vault\"},\"items\":[");
        for (int i = 0; i < Count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",")
                .Append("{\"uuid\":\"u").Append(i).Append("\",\"categoryUuid\":\"001\",\"overview\":{\"title\":\"Item ").Append(i)
                .Append("\",\"url\":\"https://e").Append(i).Append(".example\"},\"details\":{\"notesPlain\":\"")
                .Append(new string('n', i % 500))
                .Append("\",\"loginFields\":[{\"designation\":\"password\",\"value\":\"secret-").Append(i).Append("\"}]}}");
        }

        json.Append("]}]}]}");
        string path = ImportFixtures.Write1Pux(_directory.Path, json.ToString());

        List<ImportItem> items = ImportFixtures.ReadAll(ImportFormat.OnePassword1Pux, path);

        Assert.Equal(Count, items.Count);
        for (int i = 0; i < Count; i += 97)
        {
            RecordDraft draft = items[i].Draft();
            Assert.Equal($"Item {i}", draft.Name);
            Assert.Equal(["Big vault"], draft.Tags);
            Assert.Equal(new string('n', i % 500), draft.Notes);
            draft.HasField("Password", $"secret-{i}", FieldKind.Secret);
        }
    }

    [Fact]
    public void Broken_Json_Is_ImportFileInvalid_Without_The_Content()
    {
        string path = ImportFixtures.Write1Pux(_directory.Path, "{\"accounts\":[{\"vaults\":[{\"items\":[{\"overview\":{\"title\":\"x\"},\"details\":{\"password\":\"leak-me-1PUX\"}},{\"broken\" leak-me-too]}]}]}");

        var error = Assert.Throws<MSecureException>(() => ImportFixtures.ReadAll(ImportFormat.OnePassword1Pux, path));

        Assert.Equal(MSecureErrorCode.ImportFileInvalid, error.Code);
        Assert.DoesNotContain("leak-me", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Zip_Without_Export_Data_And_A_Non_Zip_Are_ImportFileInvalid()
    {
        string noData = Path.Combine(_directory.Path, "empty.1pux");
        using (var archive = System.IO.Compression.ZipFile.Open(noData, System.IO.Compression.ZipArchiveMode.Create))
        {
            archive.CreateEntry("export.attributes");
        }

        string notZip = Path.Combine(_directory.Path, "text.1pux");
        File.WriteAllText(notZip, "plain text");

        Assert.Equal(MSecureErrorCode.ImportFileInvalid, Assert.Throws<MSecureException>(() => ImportFixtures.ReadAll(ImportFormat.OnePassword1Pux, noData)).Code);
        Assert.Equal(MSecureErrorCode.ImportFileInvalid, Assert.Throws<MSecureException>(() => ImportFixtures.ReadAll(ImportFormat.OnePassword1Pux, notZip)).Code);
    }

    [Fact]
    public void Reading_Leaves_The_Input_Unchanged()
    {
        string path = ImportFixtures.Build1Pux(Directory.CreateDirectory(Path.Combine(_directory.Path, "again")).FullName);
        byte[] before = File.ReadAllBytes(path);

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            Assert.Equal(24, ImportFormats.Of(ImportFormat.OnePassword1Pux).Read(stream, CancellationToken.None).Count());
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }
}
