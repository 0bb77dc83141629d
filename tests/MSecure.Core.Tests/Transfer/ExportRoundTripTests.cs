using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using MSecure.Core.Records;
using MSecure.Core.Transfer;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Transfer;

/// <summary>Export then import gives the same records (both export formats), field by field.</summary>
public sealed class ExportRoundTripTests
{
    /// <summary>A record of every template, with custom fields, tags, Unicode, multi-line notes, commas, quotes and '|' in values, TOTP seeds.</summary>
    internal static List<Record> Records()
    {
        var drafts = new List<RecordDraft>();
        RecordDraft Add(string name, RecordTemplate template, params (string Label, string Value)[] values)
        {
            RecordDraft draft = RecordDraft.FromTemplate(name, template);
            foreach ((string label, string value) in values)
            {
                draft.SetField(label, value);
            }

            drafts.Add(draft);
            return draft;
        }

        RecordDraft login = Add("Bank | Portal, \"main\"", RecordTemplate.Login,
            ("Username", "alice \"the admin\""), ("Password", "p|a|s,s\"w\\n"), ("Website", "https://example.com/login?a=1,b=2"),
            ("OneTimePassword", "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example"));
        login.SetField("Security Question", "Ünïcödé | ✓ 日本語", FieldKind.Text);
        login.SetField("API Key", "sk-live,123|\"x\"", FieldKind.Secret);
        login.SetField("Multi-line", "line one\nline two", FieldKind.Text);
        login.Tags.AddRange(["Work", "Servers/Prod", "Ünïcode"]);
        login.Notes = "First line\nSecond line, with comma\nThird \"quoted\" | line";
        login.IsFavorite = true;
        Add("My Visa", RecordTemplate.CreditCard, ("CardNumber", "4111111111111111"), ("ExpirationDate", "05/2026"), ("SecurityCode", "123"), ("NameOnCard", "John Doe"), ("Pin", "1234"), ("CardType", "Visa"), ("IssuingBank", "Big, Bank"), ("Phone", "+1 555 0100"))
            .Tags.Add("Finance");
        Add("Odd expiry card", RecordTemplate.CreditCard, ("CardNumber", "5555"), ("ExpirationDate", "5/26"));
        Add("Checking", RecordTemplate.BankAccount, ("BankName", "First Bank"), ("AccountNumber", "12345678"), ("RoutingNumber", "021000021"), ("AccountType", "Checking"), ("Iban", "DE89370400440532013000"), ("Swift", "COBADEFFXXX"), ("Pin", "0000"), ("Phone", "555"))
            .SetField("Branch", "Downtown, 5th \"Ave\"", FieldKind.Text);
        Add("Mail", RecordTemplate.EmailAccount, ("Email", "alice@example.com"), ("Password", "mail|pw"), ("Username", "alice"), ("IncomingServer", "imap.example.com"), ("OutgoingServer", "smtp.example.com"), ("Website", "https://mail.example.com"));
        Add("Shopping list", RecordTemplate.SecureNote).Notes = "eggs\nmilk, 2 litres\r\n\"organic\" bread | rye";
        Add("Alice Smith", RecordTemplate.Identity, ("FirstName", "Alice"), ("LastName", "Smith"), ("Email", "alice@example.com"), ("Phone", "+1 555 0101"), ("Address", "1 Main St\nApt 2"), ("City", "Springfield"), ("State", "IL"), ("PostalCode", "62701"), ("Country", "USA"), ("Birthday", "1990-01-31"))
            .SetField("Middle Name", "B", FieldKind.Text);
        Add("Editor", RecordTemplate.SoftwareLicense, ("Product", "Editor Pro"), ("Version", "7.1"), ("LicenseKey", "ABCD-EFGH"), ("LicensedTo", "Alice"), ("Email", "a@example.com"), ("PurchaseDate", "2024-02-29"), ("Website", "https://editor.example"));
        Add("Home WiFi", RecordTemplate.WirelessRouter, ("NetworkName", "HomeNet"), ("Password", "wifi,pass|word"), ("Security", "WPA3"), ("RouterAddress", "http://192.168.1.1"), ("AdminUsername", "admin"), ("AdminPassword", "routerpw"));
        Add("Gym", RecordTemplate.Membership, ("Organization", "City Gym"), ("MemberName", "Alice"), ("MemberId", "M-42"), ("ExpirationDate", "12/2027"), ("Phone", "555-0199"), ("Website", "https://gym.example"));
        Add("Passport", RecordTemplate.Passport, ("FullName", "Alice Smith"), ("Number", "X1234567"), ("Nationality", "American"), ("IssuingCountry", "USA"), ("DateOfBirth", "1990-01-31"), ("IssueDate", "2020-05-01"), ("ExpirationDate", "2030-05-01"));
        Add("License", RecordTemplate.DriversLicense, ("FullName", "Alice Smith"), ("Number", "D123"), ("State", "IL"), ("Class", "C"), ("DateOfBirth", "1990-01-31"), ("IssueDate", "2021-06-01"), ("ExpirationDate", "2029-06-01"));
        Add("Health", RecordTemplate.Insurance, ("Company", "Acme"), ("PolicyNumber", "POL-9"), ("GroupNumber", "GRP-1"), ("Insured", "Alice"), ("ExpirationDate", "2026-12-31"), ("Phone", "555-0123"), ("Website", "https://acme.example"));
        Add("SSN", RecordTemplate.SocialSecurity, ("FullName", "Alice Smith"), ("Number", "123-45-6789"));
        RecordDraft server = Add("DB", RecordTemplate.ServerDatabase, ("Type", "PostgreSQL"), ("Host", "db.example.com"), ("Port", "5432"), ("Database", "app"), ("Username", "app_user"), ("Password", "db,pw"), ("ConnectionString", "Host=db;Password=x|y"));
        server.SetField("OneTimePassword", "JBSWY3DPEHPK3PXP", FieldKind.OneTimePasswordSeed);
        server.Tags.AddRange(["Work", "Databases"]);

        DateTimeOffset created = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        return drafts.Select(d => new Record(Guid.NewGuid(), 1, RecordValidation.Validate(d), created, created.AddDays(1))).ToList();
    }

    [Theory]
    [InlineData(ExportFormat.Csv, ImportFormat.MSecureCsv)]
    [InlineData(ExportFormat.BitwardenJson, ImportFormat.BitwardenJson)]
    public void Export_then_import_gives_the_same_records(ExportFormat export, ImportFormat import)
    {
        List<Record> records = Records();
        byte[] file = Export(export, records);

        using var input = new MemoryStream(file);
        Assert.Equal(import, ImportFormatDetector.Detect(input));
        List<ImportItem> items = ImportFormats.Of(import).Read(input, CancellationToken.None).ToList();

        Assert.Equal(records.Count, items.Count);
        for (int i = 0; i < records.Count; i++)
        {
            Record expected = records[i];
            RecordDraft actual = TransferFixtures.Draft(items[i]);
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.Template, actual.Template);
            Assert.Equal(expected.Tags, actual.Tags);
            // mSecure's notes carry line breaks as "\n": a CR LF comes back as LF.
            Assert.Equal(export == ExportFormat.Csv ? expected.Notes.Replace("\r\n", "\n", StringComparison.Ordinal) : expected.Notes, actual.Notes);
            if (export == ExportFormat.BitwardenJson)
            {
                Assert.Equal(expected.IsFavorite, actual.IsFavorite);
            }

            Assert.Equal(Filled(expected.Fields), Filled(actual.Fields));
            Assert.Empty(items[i].Remarks);
        }
    }

    [Fact]
    public void The_mSecure_csv_starts_with_the_marker_and_writes_fields_as_label_type_value()
    {
        string text = Encoding.UTF8.GetString(Export(ExportFormat.Csv, Records().Take(2).ToList()));
        string[] lines = text.Split('\n');
        Assert.Equal("mSecure6 CSV export file", lines[0]);
        Assert.StartsWith("\"Bank | Portal, \"\"main\"\"|", lines[1], StringComparison.Ordinal);
        Assert.Contains(",Login,Work;Servers/Prod;Ünïcode,", lines[1], StringComparison.Ordinal);
        Assert.Contains("First line\\nSecond line", lines[1], StringComparison.Ordinal);
        Assert.Contains("Username|7|alice", lines[1], StringComparison.Ordinal);
        Assert.Contains("Password|8|p|a|s", lines[1], StringComparison.Ordinal);
        Assert.Contains("Website|2|https://example.com", lines[1], StringComparison.Ordinal);
        Assert.Contains(",Credit Card,Finance,,CardNumber|12|4111111111111111,ExpirationDate|11|05/2026,SecurityCode|9|123,", lines[lines.Length - 2].Length > 0 ? text : string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Bitwarden_json_has_Bitwarden_shapes()
    {
        using var document = System.Text.Json.JsonDocument.Parse(Export(ExportFormat.BitwardenJson, Records()));
        var root = document.RootElement;
        Assert.False(root.GetProperty("encrypted").GetBoolean());
        var items = root.GetProperty("items");
        var login = items[0];
        Assert.Equal(1, login.GetProperty("type").GetInt32());
        Assert.Equal("alice \"the admin\"", login.GetProperty("login").GetProperty("username").GetString());
        Assert.Equal("https://example.com/login?a=1,b=2", login.GetProperty("login").GetProperty("uris")[0].GetProperty("uri").GetString());
        Assert.StartsWith("otpauth://", login.GetProperty("login").GetProperty("totp").GetString(), StringComparison.Ordinal);
        Assert.True(login.GetProperty("favorite").GetBoolean());
        var card = items[1].GetProperty("card");
        Assert.Equal(("5", "2026", "123"), (card.GetProperty("expMonth").GetString(), card.GetProperty("expYear").GetString(), card.GetProperty("code").GetString()));
        var folders = root.GetProperty("folders").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Finance", "Work"], folders);
        var bank = items[3];
        Assert.Equal(2, bank.GetProperty("type").GetInt32());
        Assert.Equal("BankAccount", bank.GetProperty("fields")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void Ten_thousand_records_stream_out_and_back()
    {
        Record template = Records()[0];
        var many = Enumerable.Range(0, 10_000).Select(i => new Record(Guid.NewGuid(), 1, RecordValidation.Validate(Renamed(template, "Site " + i)), template.CreatedAt, template.ModifiedAt)).ToList();
        foreach ((ExportFormat export, ImportFormat import) in new[] { (ExportFormat.Csv, ImportFormat.MSecureCsv), (ExportFormat.BitwardenJson, ImportFormat.BitwardenJson) })
        {
            using var input = new MemoryStream(Export(export, many));
            var names = ImportFormats.Of(import).Read(input, CancellationToken.None).Select(i => TransferFixtures.Draft(i).Name).ToList();
            Assert.Equal(many.Select(r => r.Name), names);
        }
    }

    internal static byte[] Export(ExportFormat format, IEnumerable<Record> records)
    {
        using var output = new MemoryStream();
        using (IRecordExportWriter writer = RecordExportWriters.Open(format, output))
        {
            foreach (Record record in records)
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        return output.ToArray();
    }

    private static RecordDraft Renamed(Record record, string name)
    {
        RecordDraft draft = RecordDraft.From(record);
        draft.Name = name;
        return draft;
    }

    private static string[] Filled(IEnumerable<RecordField> fields) =>
        fields.Where(f => f.Value.Length > 0).Select(f => $"{f.Label}:{f.Kind}={f.Value}").Order(StringComparer.Ordinal).ToArray();
}
