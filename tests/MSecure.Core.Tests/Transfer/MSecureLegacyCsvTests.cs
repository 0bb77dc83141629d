using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Records;
using MSecure.Core.Transfer;
using MSecure.Core.Transfer.Formats.MSecure;
using Xunit;
using static MSecure.Core.Tests.Transfer.TransferFixtures;

namespace MSecure.Core.Tests.Transfer;

public sealed class MSecureLegacyCsvTests
{
    private static readonly MSecureCsvFormat Format = new();

    private static List<ImportItem> Items() => Read(Format, "msecure-legacy.csv");

    [Fact]
    public void Reads_every_row_of_the_older_layout()
    {
        List<ImportItem> items = Items();
        Assert.Equal(Enumerable.Range(2, 11).Select(n => "line " + n), items.Select(i => i.Location));
        Assert.Equal(
            ["Web Logins", "Credit Cards", "Bank Accounts", "Note", "Combinations", "Identity", "Frequent Flyer", "Passport", "My Custom Type", "Login", "Web Logins"],
            items.Select(i => i.SourceKind));
        Assert.All(items, i => Assert.Null(i.Problem));
    }

    [Fact]
    public void Web_login_credit_card_and_bank_account_by_position()
    {
        List<ImportItem> items = Items();
        RecordDraft login = Draft(items[0]);
        Assert.Equal(("Example Site", RecordTemplate.Login, "Note line 1\nline 2"), (login.Name, login.Template, login.Notes));
        Assert.Equal(["Personal"], login.Tags);
        Assert.Equal(["Username:Text=alice", "Password:Secret=s3cr\"et,|x", "Website:Url=https://example.com"], Filled(login));

        RecordDraft card = Draft(items[1]);
        Assert.Empty(card.Tags);
        Assert.Equal(["CardNumber:Secret=4111111111111111", "ExpirationDate:Date=05/2027", "SecurityCode:Pin=999", "NameOnCard:Text=Alice Smith", "Pin:Pin=1234", "IssuingBank:Text=Big Bank"], Filled(card));

        RecordDraft bank = Draft(items[2]);
        Assert.Equal(["AccountNumber:Secret=12345678", "Pin:Pin=4321", "Phone:Phone=555-0100", "Name:Text=Alice", "Branch:Text=Main St Branch"], Filled(bank));
        Assert.Equal(["Name", "Branch"], items[2].CustomFields);
    }

    [Fact]
    public void Note_combination_identity_frequent_flyer_and_passport()
    {
        List<ImportItem> items = Items();
        Assert.Equal("eggs\nmilk, 2 litres", Draft(items[3]).Notes);
        Assert.Equal(["Code:Secret=12-34-56"], Filled(Draft(items[4])));
        Assert.Equal(
            ["FirstName:Text=Alice", "LastName:Text=Smith", "Email:Email=alice@example.com", "Phone:Phone=555-1", "Address:Text=1 Main St", "City:Text=Springfield", "State:Text=IL", "PostalCode:Text=62701", "Country:Text=USA",
             "Nick Name:Text=Ali", "Company:Text=ACME", "Title:Text=Engineer", "Address2:Text=Apt 2", "Office Phone:Phone=555-2", "Mobile Phone:Phone=555-3", "Email2:Email=alice2@example.com", "Skype:Text=alice.skype", "Website:Url=https://alice.example"],
            Filled(Draft(items[5])));
        RecordDraft flyer = Draft(items[6]);
        Assert.Equal(RecordTemplate.Membership, flyer.Template);
        Assert.Equal(["MemberId:Text=FF123", "Website:Url=https://sky.example", "Username:Text=alice", "Password:Secret=pw", "Mileage:Text=50000"], Filled(flyer));
        Assert.Equal(
            ["FullName:Text=Alice Smith", "Number:Secret=X1234567", "Nationality:Text=American", "IssuingCountry:Text=USA", "ExpirationDate:Date=2030-01-01", "Type:Text=P", "Issuing Authority:Text=State Dept", "Place of Birth:Text=Boston"],
            Filled(Draft(items[7])));
    }

    [Fact]
    public void Unknown_types_mSecure5_logins_unicode_and_extra_columns()
    {
        List<ImportItem> items = Items();
        ImportItem custom = items[8];
        Assert.Equal(RecordTemplate.SecureNote, Draft(custom).Template);
        Assert.Equal(["Field 1:Text=a", "Field 2:Text=b", "Field 3:Text=c"], Filled(Draft(custom)));
        Assert.Single(custom.Remarks);

        RecordDraft forum = Draft(items[9]);
        Assert.Equal(["Username:Text=bob", "Password:Secret=pw", "Website:Url=https://forum.example"], Filled(forum));

        RecordDraft unicode = Draft(items[10]);
        Assert.Equal(("日本語 site", "Ünïcode"), (unicode.Name, unicode.Tags.Single()));
        Assert.Equal(["Username:Text=ユーザー", "Password:Secret=パスワード", "Website:Url=https://例え.jp", "Field 4:Text=extra column"], Filled(unicode));
    }
}
