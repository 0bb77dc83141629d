using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Transfer;
using MSecure.Core.Transfer.Formats.Bitwarden;
using Xunit;
using static MSecure.Core.Tests.Transfer.TransferFixtures;

namespace MSecure.Core.Tests.Transfer;

public sealed class BitwardenCsvFormatTests
{
    private static readonly BitwardenCsvFormat Format = new();

    [Fact]
    public void Reads_every_row_with_the_line_it_starts_on()
    {
        List<ImportItem> items = Read(Format, "bitwarden.csv");
        Assert.Equal(["line 2", "line 8", "line 10", "line 11"], items.Select(i => i.Location));
        Assert.Equal(["login", "note", "login", "card"], items.Select(i => i.SourceKind));
    }

    [Fact]
    public void Login_with_two_uris_totp_multi_line_fields_folder_and_favorite()
    {
        ImportItem item = Read(Format, "bitwarden.csv")[0];
        RecordDraft draft = Draft(item);
        Assert.Equal("Bank | Portal, \"main\"", draft.Name);
        Assert.True(draft.IsFavorite);
        Assert.Equal(["Work/Servers"], draft.Tags);
        Assert.Equal("First line\nSecond line, with comma\nÜnïcödé ✓ 日本語", draft.Notes);
        Assert.Equal(
            ["Username:Text=alice \"the admin\"", "Password:Secret=p|a|s,s\"w", "Website:Url=https://example.com/login?a=1", "OneTimePassword:OneTimePasswordSeed=otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example",
             "Website (2):Url=https://m.example.com", "Security Question:Text=Ünïcödé | ✓", "API Key:Text=sk-live-123,\"x\"", "Multi:Text=one\ntwo"],
            Filled(draft));
    }

    [Fact]
    public void Note_untitled_login_and_an_unknown_type()
    {
        List<ImportItem> items = Read(Format, "bitwarden.csv");
        RecordDraft note = Draft(items[1]);
        Assert.Equal((RecordTemplate.SecureNote, "Shopping list", "eggs\nmilk, 2 litres"), (note.Template, note.Name, note.Notes));
        RecordDraft untitled = Draft(items[2]);
        Assert.Equal(("Untitled", false), (untitled.Name, untitled.IsFavorite));
        Assert.Equal(["Username:Text=nobody", "OneTimePassword:OneTimePasswordSeed=JBSWY3DPEHPK3PXP"], Filled(untitled));
        Assert.Equal(["Work"], untitled.Tags);
        ImportItem card = items[3];
        Assert.Equal(RecordTemplate.SecureNote, Draft(card).Template);
        Assert.Equal(["number:Text=4111"], Filled(Draft(card)));
        Assert.Single(card.Remarks);
    }

    [Fact]
    public void A_file_without_the_header_is_ImportFileInvalid()
    {
        var error = Assert.Throws<MSecureException>(() => ReadText(Format, "a,b,c\n1,2,3\n"));
        Assert.Equal(MSecureErrorCode.ImportFileInvalid, error.Code);
    }

    [Fact]
    public void Recognises_the_header_only()
    {
        Assert.True(Format.Recognizes(Sniff("bitwarden.csv")));
        Assert.True(Format.Recognizes(MSecureCsvFormatTests.SniffText("collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n")));
        Assert.False(Format.Recognizes(Sniff("msecure6.csv")));
        Assert.False(Format.Recognizes(Sniff("bitwarden.json")));
    }
}
