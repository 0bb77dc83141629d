using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Records;
using MSecure.Core.Transfer;
using MSecure.Core.Transfer.Formats.MSecure;
using Xunit;
using static MSecure.Core.Tests.Transfer.TransferFixtures;

namespace MSecure.Core.Tests.Transfer;

public sealed class MSecureCsvFormatTests
{
    private static readonly MSecureCsvFormat Format = new();

    private static List<ImportItem> Six() => Read(Format, "msecure6.csv");

    [Fact]
    public void Reads_every_row_of_the_mSecure6_fixture_with_the_line_it_starts_on()
    {
        List<ImportItem> items = Six();
        Assert.Equal(
            ["line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 9", "line 10", "line 11", "line 12", "line 13", "line 14", "line 15", "line 16", "line 17", "line 18", "line 20", "line 21"],
            items.Select(i => i.Location));
        Assert.All(items, item => Assert.Null(item.Problem));
    }

    [Fact]
    public void Login_keeps_pipes_commas_quotes_unicode_notes_tags_and_the_totp_seed()
    {
        ImportItem item = Six()[0];
        RecordDraft draft = Draft(item);
        Assert.Equal("Bank | Portal", draft.Name);
        Assert.Equal(RecordTemplate.Login, draft.Template);
        Assert.Equal("Login", item.SourceKind);
        Assert.Equal(["Work", "Servers/Prod"], draft.Tags);
        Assert.Equal("First line\nSecond line, with comma\nThird \"quoted\" line", draft.Notes);
        HasField(draft, "Website", FieldKind.Url, "https://example.com/login?a=1,b=2");
        HasField(draft, "Username", FieldKind.Text, "alice \"the admin\"");
        HasField(draft, "Password", FieldKind.Secret, "p|a|s,s\"w");
        HasField(draft, "OneTimePassword", FieldKind.OneTimePasswordSeed, "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example");
        HasField(draft, "Security Question", FieldKind.Text, "Ünïcödé ✓ 日本語 — naïve café");
        HasField(draft, "Door PIN", FieldKind.Pin, "4321");
        Assert.Equal(["Security Question", "Door PIN"], item.CustomFields);
        Assert.Empty(item.Remarks);
    }

    [Fact]
    public void Credit_card_fields_map_onto_the_template_and_empty_extra_fields_are_not_custom_fields()
    {
        ImportItem item = Six()[1];
        RecordDraft draft = Draft(item);
        Assert.Equal(("myCreditCard", RecordTemplate.CreditCard), (draft.Name, draft.Template));
        Assert.Equal(
            ["CardNumber:Secret=41111111111111111", "ExpirationDate:Date=05/2026", "SecurityCode:Pin=123", "NameOnCard:Text=John Doe", "Pin:Pin=1234", "IssuingBank:Text=Visa"],
            Filled(draft));
        Assert.Empty(item.CustomFields);
        Assert.Empty(draft.Tags);
        Assert.Equal(string.Empty, draft.Notes);
    }

    [Fact]
    public void Bank_account_and_email_account()
    {
        List<ImportItem> items = Six();
        RecordDraft bank = Draft(items[2]);
        Assert.Equal(RecordTemplate.BankAccount, bank.Template);
        Assert.Equal(
            ["BankName:Text=First Bank", "AccountNumber:Secret=12345678", "RoutingNumber:Text=021000021", "AccountType:Text=Checking", "Iban:Secret=DE89370400440532013000", "Swift:Text=COBADEFFXXX", "Pin:Pin=0000", "Phone:Phone=+1 555 0100", "Branch:Text=Downtown, 5th \"Ave\""],
            Filled(bank));
        Assert.Equal(["Finance"], bank.Tags);

        RecordDraft mail = Draft(items[3]);
        Assert.Equal(RecordTemplate.EmailAccount, mail.Template);
        Assert.Equal(
            ["Email:Email=alice@example.com", "Password:Secret=mail|pw", "Username:Text=alice", "IncomingServer:Text=imap.example.com", "OutgoingServer:Text=smtp.example.com", "Website:Url=https://mail.example.com", "Incoming Port:Text=993"],
            Filled(mail));
        Assert.Equal(["Incoming Port"], items[3].CustomFields);
    }

    [Fact]
    public void Secure_note_and_identity_with_a_line_break_inside_a_quoted_field()
    {
        List<ImportItem> items = Six();
        RecordDraft note = Draft(items[4]);
        Assert.Equal(RecordTemplate.SecureNote, note.Template);
        Assert.Empty(note.Fields);
        Assert.Equal("eggs\nmilk, 2 litres\n\"organic\" bread | rye", note.Notes);

        RecordDraft identity = Draft(items[5]);
        Assert.Equal(RecordTemplate.Identity, identity.Template);
        Assert.Equal(
            ["FirstName:Text=Alice", "LastName:Text=Smith", "Email:Email=alice@example.com", "Phone:Phone=+1 555 0101", "Address:Text=1 Main St\nApt 2", "City:Text=Springfield", "State:Text=IL", "PostalCode:Text=62701", "Country:Text=USA", "Birthday:Date=1990-01-31", "Mobile Phone:Phone=+1 555 0102"],
            Filled(identity));
    }

    [Fact]
    public void The_other_templates_map_every_field()
    {
        List<ImportItem> items = Six();
        Assert.Equal(
            ["Product:Text=Editor Pro", "Version:Text=7.1", "LicenseKey:Secret=ABCD-EFGH-IJKL", "LicensedTo:Text=Alice Smith", "Email:Email=alice@example.com", "PurchaseDate:Date=2024-02-29", "Website:Url=https://editor.example"],
            Filled(Draft(items[6])));
        Assert.Equal(
            ["NetworkName:Text=HomeNet", "Password:Secret=wifi,pass|word", "Security:Text=WPA3", "RouterAddress:Url=http://192.168.1.1", "AdminUsername:Text=admin", "AdminPassword:Secret=routerpw"],
            Filled(Draft(items[7])));
        Assert.Equal(
            ["Organization:Text=City Gym", "MemberName:Text=Alice", "MemberId:Text=M-42", "ExpirationDate:Date=12/2027", "Phone:Phone=555-0199", "Website:Url=https://gym.example"],
            Filled(Draft(items[8])));
        Assert.Equal(
            ["FullName:Text=Alice Smith", "Number:Secret=X1234567", "Nationality:Text=American", "IssuingCountry:Text=USA", "DateOfBirth:Date=1990-01-31", "IssueDate:Date=2020-05-01", "ExpirationDate:Date=2030-05-01"],
            Filled(Draft(items[9])));
        Assert.Equal(
            ["FullName:Text=Alice Smith", "Number:Secret=D123-456", "State:Text=IL", "Class:Text=C", "DateOfBirth:Date=1990-01-31", "IssueDate:Date=2021-06-01", "ExpirationDate:Date=2029-06-01"],
            Filled(Draft(items[10])));
        Assert.Equal(
            ["Company:Text=Acme Health", "PolicyNumber:Secret=POL-9", "GroupNumber:Text=GRP-1", "Insured:Text=Alice Smith", "ExpirationDate:Date=2026-12-31", "Phone:Phone=555-0123", "Website:Url=https://acme.example"],
            Filled(Draft(items[11])));
        Assert.Equal(["FullName:Text=Alice Smith", "Number:Secret=123-45-6789"], Filled(Draft(items[12])));
        Assert.Equal(
            ["Type:Text=PostgreSQL", "Host:Text=db.example.com", "Port:Text=5432", "Database:Text=app", "Username:Text=app_user", "Password:Secret=db,pw", "ConnectionString:Secret=Host=db;Password=x|y"],
            Filled(Draft(items[13])));
        Assert.Equal(
            [RecordTemplate.SoftwareLicense, RecordTemplate.WirelessRouter, RecordTemplate.Membership, RecordTemplate.Passport, RecordTemplate.DriversLicense, RecordTemplate.Insurance, RecordTemplate.SocialSecurity, RecordTemplate.ServerDatabase],
            items.Skip(6).Take(8).Select(i => i.Draft!.Template));
        Assert.All(items.Skip(6).Take(8), i => Assert.Empty(i.CustomFields));
    }

    [Fact]
    public void Unknown_templates_become_login_or_note_with_custom_fields_and_a_remark()
    {
        List<ImportItem> items = Six();
        ImportItem wallet = items[14];
        Assert.Equal(RecordTemplate.Login, Draft(wallet).Template);
        Assert.Equal("Crypto Wallet", wallet.SourceKind);
        Assert.Equal(["Username:Text=satoshi", "Password:Secret=hodl", "Seed Phrase:Secret=abandon ability able"], Filled(Draft(wallet)));
        Assert.Equal(["Seed Phrase"], wallet.CustomFields);
        Assert.Contains(wallet.Remarks, r => r.Contains("'Crypto Wallet'", System.StringComparison.Ordinal) && r.Contains("Login", System.StringComparison.Ordinal));

        ImportItem recipe = items[15];
        Assert.Equal(RecordTemplate.SecureNote, Draft(recipe).Template);
        Assert.Equal(["Ingredients:Note=flour\neggs", "Time:Text=20 min"], Filled(Draft(recipe)));
        Assert.Single(recipe.Remarks);
    }

    [Fact]
    public void Untitled_rows_repeated_labels_and_fields_without_a_type()
    {
        List<ImportItem> items = Six();
        Assert.Equal("Untitled", Draft(items[16]).Name);
        RecordDraft two = Draft(items[17]);
        Assert.Equal(
            ["Username:Text=bob", "Website:Url=https://a.example", "Phone:Phone=111", "Phone (2):Phone=222", "Website (2):Url=https://b.example", "NoType:Text=plain value", "Field:Text=bare value"],
            Filled(two));
        Assert.Equal(["Phone", "Phone", "Website", "NoType", "Field"], items[17].CustomFields);
    }

    [Fact]
    public void Fields_split_on_their_first_two_bars_only()
    {
        MSecure6Row.SplitField("Password|8|a|b||c", out string label, out int type, out string value);
        Assert.Equal(("Password", 8, "a|b||c"), (label, type, value));
        MSecure6Row.SplitField("Note|x|y", out label, out type, out value);
        Assert.Equal(("Note", 0, "x|y"), (label, type, value));
        Assert.Equal("A|B", MSecure6Row.TitleOf("A|B|123"));
        Assert.Equal("A|B", MSecure6Row.TitleOf("A|B"));
        Assert.Equal("Plain", MSecure6Row.TitleOf("Plain|"));
    }

    [Fact]
    public void A_value_over_the_limit_is_a_problem_with_its_line_and_never_the_value()
    {
        string secret = "S3cr3t" + new string('x', RecordLimits.MaximumValueLength);
        string text = "mSecure6 CSV export file\nOk|1,Login,,,Username|7|a\nBig|2,Login,,,Password|8|" + secret + "\n";
        List<ImportItem> items = ReadText(Format, text);
        Assert.NotNull(items[0].Draft);
        Assert.Equal("line 3", items[1].Location);
        Assert.Null(items[1].Draft);
        Assert.Contains("characters long", items[1].Problem, System.StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3t", items[1].Problem, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Recognises_mSecure_files_and_not_others()
    {
        Assert.True(Format.Recognizes(Sniff("msecure6.csv")));
        Assert.True(Format.Recognizes(Sniff("msecure-legacy.csv")));
        Assert.True(Format.Recognizes(SniffText("Bitwarden|810974637,Login,,,Website|2|bitwarden.com,Username|7|u,Password|8|p,\n")));
        Assert.False(Format.Recognizes(Sniff("bitwarden.csv")));
        Assert.False(Format.Recognizes(Sniff("bitwarden.json")));
        Assert.False(Format.Recognizes(SniffText("Group,Title,Username,Password,URL,Notes\n\"Root\",\"a\",\"b\",\"c\",\"d\",\"e\"\n")));
    }

    internal static ImportSniff SniffText(string text)
    {
        using var stream = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return ImportFormatDetector.Sniff(stream);
    }
}
