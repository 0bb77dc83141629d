using System;
using System.Collections.Generic;
using MSecure.Core.Records;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Records;

public sealed class RecordFieldNamesTests
{
    [Theory]
    [InlineData(RecordTemplate.Login, "UserName", "Username")]
    [InlineData(RecordTemplate.Login, "username", "Username")]
    [InlineData(RecordTemplate.Login, "URL", "Website")]
    [InlineData(RecordTemplate.Login, "url", "Website")]
    [InlineData(RecordTemplate.Login, "PASSWORD", "Password")]
    [InlineData(RecordTemplate.Login, "website", "Website")]
    [InlineData(RecordTemplate.WirelessRouter, "UserName", "NetworkName")]
    [InlineData(RecordTemplate.WirelessRouter, "Url", "RouterAddress")]
    [InlineData(RecordTemplate.CreditCard, "Password", "CardNumber")]
    [InlineData(RecordTemplate.CreditCard, "Url", "Website")]
    [InlineData(RecordTemplate.ServerDatabase, "UserName", "Username")]
    [InlineData(RecordTemplate.SecureNote, "UserName", "Username")]
    [InlineData(RecordTemplate.SecureNote, "Password", "Password")]
    [InlineData(RecordTemplate.Login, "Custom", "Custom")]
    public void LabelFor_MapsViewNamesToTheTemplatesLabels(RecordTemplate template, string name, string label)
    {
        RecordDraft draft = RecordDraft.FromTemplate("x", template);

        Assert.Equal(label, RecordFieldNames.LabelFor(template, draft.Fields, name));
    }

    [Fact]
    public void LabelFor_PrefersAFieldsOwnLabel()
    {
        // An email account's credential user name is its Email field, but it has a Username field too.
        RecordDraft draft = RecordDraft.FromTemplate("mail", RecordTemplate.EmailAccount);

        Assert.Equal("Email", RecordFieldNames.UserNameLabel(RecordTemplate.EmailAccount));
        Assert.Equal("Username", RecordFieldNames.LabelFor(RecordTemplate.EmailAccount, draft.Fields, "UserName"));

        draft.Fields.Add(new RecordField("Url", FieldKind.Text, "not the website"));
        Assert.Equal("Url", RecordFieldNames.LabelFor(RecordTemplate.EmailAccount, draft.Fields, "url"));
    }

    [Fact]
    public void UrlLabel_IsTheFirstWebAddressField_ElseWebsite()
    {
        Assert.Equal("Website", RecordFieldNames.UrlLabel([]));
        Assert.Equal("Portal", RecordFieldNames.UrlLabel([new RecordField("Note", FieldKind.Text, string.Empty), new RecordField("Portal", FieldKind.Url, string.Empty), new RecordField("Second", FieldKind.Url, string.Empty)]));
    }

    [Fact]
    public void Find_ReturnsTheNamedField_OrNull()
    {
        var fields = new List<RecordField> { new("Username", FieldKind.Text, "alice"), new("Password", FieldKind.Secret, "pw"), new("Website", FieldKind.Url, "https://example.com") };
        var record = new Record(Guid.NewGuid(), 1, new RecordContent("x", RecordTemplate.Login, fields, [], string.Empty, IsFavorite: false), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        Assert.Equal("https://example.com", RecordFieldNames.Find(record, "URL")!.Value);
        Assert.Equal("alice", RecordFieldNames.Find(record, "UserName")!.Value);
        Assert.Null(RecordFieldNames.Find(record, "Nope"));
    }
}
