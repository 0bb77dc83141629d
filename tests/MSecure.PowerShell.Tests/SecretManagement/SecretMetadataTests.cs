using System;
using System.Collections;
using System.Linq;
using MSecure.Core.Records;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.SecretManagement;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.PowerShell.Tests.SecretManagement;

public sealed class SecretMetadataTests : IDisposable
{
    private readonly ExtensionVault _vault = new();

    public void Dispose() => _vault.Dispose();

    [Fact]
    public void Of_ShowsTemplateTagsFavoriteModifiedAndUrl_AndNoSecretValue()
    {
        RecordDraft draft = RecordDraft.FromTemplate("site", RecordTemplate.Login);
        draft.SetField("Username", "alice");
        draft.SetField("Password", "hunter2-secret");
        draft.SetField("Website", "https://example.com");
        draft.Tags.AddRange(["ci", "prod"]);
        draft.IsFavorite = true;
        Record record = _vault.StoreAndRead(draft);

        Hashtable metadata = SecretMetadata.Of(record);

        Assert.Equal(["Favorite", "Modified", "Tags", "Template", "Url"], metadata.Keys.Cast<string>().Order(StringComparer.Ordinal));
        Assert.Equal("Login", metadata["Template"]);
        Assert.Equal(new[] { "ci", "prod" }, metadata["Tags"]);
        Assert.Equal(true, metadata["Favorite"]);
        Assert.Equal(record.ModifiedAt.UtcDateTime, metadata["Modified"]);
        Assert.Equal("https://example.com", metadata["Url"]);
        Assert.DoesNotContain(metadata.Values.Cast<object>(), value => value is string text && (text.Contains("hunter2", StringComparison.Ordinal) || text == "alice"));
    }

    [Fact]
    public void Apply_SetsTagsUrlAndFavorite_AndIgnoresTemplateAndModified()
    {
        RecordDraft draft = SecretDrafts.FromString("s", "v");

        SecretMetadata.Apply(draft, new Hashtable { ["Tags"] = new object[] { "a", "b" }, ["url"] = "https://x.example", ["Favorite"] = true, ["Template"] = "Login", ["Modified"] = DateTime.UtcNow }, replace: false);
        Record record = _vault.StoreAndRead(draft);

        Assert.Equal(["a", "b"], record.Tags);
        Assert.True(record.IsFavorite);
        Assert.Equal(RecordTemplate.SecureNote, record.Template);
        Assert.Equal("https://x.example", SecretMetadata.Of(record)["Url"]);
        Assert.Equal("v", RecordSecrets.Read(record, _ => { }).Value);
    }

    [Fact]
    public void Apply_ASingleTagString_IsOneTag()
    {
        RecordDraft draft = SecretDrafts.FromString("s", "v");

        SecretMetadata.Apply(draft, new Hashtable { ["Tags"] = "one" }, replace: false);

        Assert.Equal(["one"], draft.Tags);
    }

    [Fact]
    public void Apply_WithoutReplace_KeepsWhatIsAbsent_WithReplace_ClearsTagsAndFavorite()
    {
        RecordDraft draft = SecretDrafts.FromString("s", "v");
        draft.Tags.Add("kept");
        draft.IsFavorite = true;

        SecretMetadata.Apply(draft, new Hashtable(), replace: false);
        Assert.Equal(["kept"], draft.Tags);
        Assert.True(draft.IsFavorite);

        SecretMetadata.Apply(draft, new Hashtable(), replace: true);
        Assert.Empty(draft.Tags);
        Assert.False(draft.IsFavorite);
    }

    [Theory]
    [InlineData("Owner", "me")]
    [InlineData("Favorite", "yes")]
    [InlineData("Url", 5)]
    [InlineData("Tags", 5)]
    public void Apply_WhatCannotBeStored_IsRefused_AndNothingChanges(string key, object value)
    {
        RecordDraft draft = SecretDrafts.FromString("s", "v");
        draft.Tags.Add("kept");

        var refused = Assert.Throws<SecretMappingException>(() => SecretMetadata.Apply(draft, new Hashtable { [key] = value }, replace: true));

        Assert.Equal(ModuleErrorIds.SecretMetadataUnsupported, refused.ErrorId);
        if (key is "Owner")
        {
            Assert.Equal(["kept"], draft.Tags);
        }
    }
}
