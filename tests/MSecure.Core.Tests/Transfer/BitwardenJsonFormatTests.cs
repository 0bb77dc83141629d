using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Transfer;
using MSecure.Core.Transfer.Formats.Bitwarden;
using Xunit;
using static MSecure.Core.Tests.Transfer.TransferFixtures;

namespace MSecure.Core.Tests.Transfer;

public sealed class BitwardenJsonFormatTests
{
    private static readonly BitwardenJsonFormat Format = new();

    private static List<ImportItem> Items() => Read(Format, "bitwarden.json");

    [Fact]
    public void Reads_every_item_with_its_position()
    {
        List<ImportItem> items = Items();
        Assert.Equal(["item 1", "item 2", "item 3", "item 4", "item 5", "item 6", "item 7"], items.Select(i => i.Location));
        Assert.Equal(["login", "secureNote", "card", "identity", "sshKey", "login", "secureNote"], items.Select(i => i.SourceKind));
        Assert.All(items, item => Assert.Null(item.Problem));
    }

    [Fact]
    public void Login_with_uris_totp_custom_fields_folder_favorite_history_passkeys_and_attachments()
    {
        ImportItem item = Items()[0];
        RecordDraft draft = Draft(item);
        Assert.Equal("Bank | Portal, \"main\"", draft.Name);
        Assert.Equal(RecordTemplate.Login, draft.Template);
        Assert.True(draft.IsFavorite);
        Assert.Equal(["Work/Servers"], draft.Tags);
        Assert.Equal("First line\nSecond line, with comma\nÜnïcödé ✓ 日本語", draft.Notes);
        Assert.Equal(
            ["Username:Text=alice \"the admin\"", "Password:Secret=p|a|s,s\"w", "Website:Url=https://example.com/login?a=1,b=2", "OneTimePassword:OneTimePasswordSeed=otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example",
             "Website (2):Url=https://m.example.com", "Security Question:Text=Ünïcödé | ✓", "API Key:Secret=sk-live-123,\"x\"", "Remember me:Text=true"],
            Filled(draft));
        Assert.Equal(["Website", "Security Question", "API Key", "Remember me"], item.CustomFields);
        Assert.Contains("attachment 'scan.pdf' skipped", item.Remarks);
        Assert.Contains(item.Remarks, r => r.StartsWith("password history of 2 entries", StringComparison.Ordinal));
        Assert.Contains(item.Remarks, r => r.StartsWith("1 passkey(s) skipped", StringComparison.Ordinal));
        Assert.Contains(item.Remarks, r => r.StartsWith("linked field 'Login name' skipped", StringComparison.Ordinal));
        Assert.All(item.Remarks, r => Assert.DoesNotContain("old-pass", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Note_card_identity_and_ssh_key()
    {
        List<ImportItem> items = Items();
        RecordDraft note = Draft(items[1]);
        Assert.Equal((RecordTemplate.SecureNote, "eggs\nmilk, 2 litres"), (note.Template, note.Notes));

        RecordDraft card = Draft(items[2]);
        Assert.Equal(RecordTemplate.CreditCard, card.Template);
        Assert.Equal(["Work"], card.Tags);
        Assert.Equal(["CardNumber:Secret=4111111111111111", "ExpirationDate:Date=05/2026", "SecurityCode:Pin=123", "NameOnCard:Text=John Doe", "Pin:Pin=1234", "CardType:Text=Visa"], Filled(card));
        Assert.Empty(items[2].CustomFields);

        RecordDraft identity = Draft(items[3]);
        Assert.Equal(RecordTemplate.Identity, identity.Template);
        Assert.Equal(
            ["FirstName:Text=Alice", "LastName:Text=Smith", "Email:Email=alice@example.com", "Phone:Phone=+1 555 0101", "Address:Text=1 Main St", "City:Text=Springfield", "State:Text=IL", "PostalCode:Text=62701", "Country:Text=US",
             "Title:Text=Dr", "Middle Name:Text=B", "Address 2:Text=Apt 2", "Company:Text=ACME", "Username:Text=asmith", "SSN:Secret=123-45-6789", "Passport Number:Secret=X1234567", "License Number:Secret=D123-456"],
            Filled(identity));

        RecordDraft key = Draft(items[4]);
        Assert.Equal(RecordTemplate.SecureNote, key.Template);
        Assert.Equal(
            ["Private Key:Secret=-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\n-----END OPENSSH PRIVATE KEY-----", "Public Key:Text=ssh-ed25519 AAAAC3Nza alice@host", "Key Fingerprint:Text=SHA256:abc"],
            Filled(key));
    }

    [Fact]
    public void Untitled_login_with_a_base32_seed_and_a_note_marked_with_an_MSecure_template()
    {
        List<ImportItem> items = Items();
        RecordDraft untitled = Draft(items[5]);
        Assert.Equal("Untitled", untitled.Name);
        Assert.Equal(["Username:Text=nobody", "OneTimePassword:OneTimePasswordSeed=JBSWY3DPEHPK3PXP"], Filled(untitled));

        RecordDraft bank = Draft(items[6]);
        Assert.Equal(RecordTemplate.BankAccount, bank.Template);
        Assert.Equal(["BankName:Text=First Bank", "AccountNumber:Secret=12345678", "Branch:Text=Downtown"], Filled(bank));
        Assert.Equal(["Finance", "Family/Shared"], bank.Tags);
        Assert.Equal(["Branch"], items[6].CustomFields);
    }

    [Fact]
    public void Folders_written_after_the_items_still_become_tags()
    {
        const string Json = """{"items":[{"type":2,"name":"n","folderId":"f","secureNote":{"type":0}}],"folders":[{"id":"f","name":"Later"}],"encrypted":false}""";
        RecordDraft draft = Draft(Assert.Single(ReadText(Format, Json)));
        Assert.Equal(["Later"], draft.Tags);
    }

    [Fact]
    public void Items_larger_than_the_read_buffer_stream_through()
    {
        string big = string.Concat(Enumerable.Repeat("日", 30_000)); // 90,000 bytes of UTF-8: more than the 64 KiB buffer
        string json = "{\"encrypted\":false,\"folders\":[],\"items\":[{\"type\":2,\"name\":\"a\",\"notes\":\"" + big + "\"},{\"type\":2,\"name\":\"b\"}]}";
        List<ImportItem> items = ReadText(Format, json);
        Assert.Equal(big, Draft(items[0]).Notes);
        Assert.Equal("b", Draft(items[1]).Name);
    }

    [Fact]
    public void An_encrypted_export_is_refused()
    {
        var error = Assert.Throws<MSecureException>(() => ReadText(Format, """{"encrypted":true,"passwordProtected":true,"data":"2.abc"}"""));
        Assert.Equal(MSecureErrorCode.ImportFileInvalid, error.Code);
        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_is_ImportFileInvalid_without_the_content()
    {
        var error = Assert.Throws<MSecureException>(() => ReadText(Format, "{\"items\":[{\"type\":1,\"name\":\"TopSecret\" \"x\"}]}"));
        Assert.Equal(MSecureErrorCode.ImportFileInvalid, error.Code);
        Assert.DoesNotContain("TopSecret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_from_a_stream_that_cannot_seek()
    {
        byte[] bytes = File.ReadAllBytes(PathOf("bitwarden.json"));
        using var stream = new ForwardOnlyStream(new MemoryStream(bytes));
        Assert.Equal(7, Format.Read(stream, CancellationToken.None).Count());
    }

    [Fact]
    public void Recognises_Bitwarden_json_only()
    {
        Assert.True(Format.Recognizes(Sniff("bitwarden.json")));
        Assert.False(Format.Recognizes(Sniff("msecure6.csv")));
        Assert.False(Format.Recognizes(MSecureCsvFormatTests.SniffText("{\"accounts\":[]}")));
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 7));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    [Fact]
    public void Control_characters_in_names_labels_and_tags_become_spaces_with_a_remark()
    {
        const string Json = """
            {"encrypted":false,"folders":[{"id":"f1","name":"Ops\tTeam"}],"items":[
              {"type":1,"name":"Line\none\u202Etwo","folderId":"f1","login":{"username":"u","password":"p"},
               "fields":[{"name":"Tab\tbed","value":"v","type":0}]}]}
            """;

        ImportItem item = Assert.Single(ReadText(Format, Json));
        RecordDraft draft = Draft(item);
        Assert.Equal("Line one two", draft.Name);
        Assert.Equal(["Ops Team"], draft.Tags);
        Assert.Contains(draft.Fields, field => field.Label == "Tab bed" && field.Value == "v");
        Assert.Contains("control or formatting characters in the title were replaced with spaces", item.Remarks);
        Assert.Contains(item.Remarks, r => r.Contains("label of field 'Tab bed'", StringComparison.Ordinal));
        Assert.Contains(item.Remarks, r => r.Contains("tag 'Ops Team'", StringComparison.Ordinal));
        Assert.All(item.Remarks, r => Assert.DoesNotContain("\t", r, StringComparison.Ordinal));
    }
}
