using System;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Vault;

public sealed class SearchTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _creation;

    public SearchTests()
    {
        _creation = TestVaults.Create(_directory.VaultPath);
        RecordDraft github = TestVaults.Login("GitHub", "octocat", "needle-in-secret");
        github.Tags.Add("Work");
        github.IsFavorite = true;
        RecordDraft gitlab = TestVaults.Login("GitLab", "tanuki");
        gitlab.Tags.Add("work");
        gitlab.Notes = "self-hosted needle";
        RecordDraft bank = RecordDraft.FromTemplate("Bank [main]", RecordTemplate.BankAccount);
        bank.SetField("BankName", "First Needle Bank");
        bank.Tags.Add("money");
        RecordDraft note = RecordDraft.FromTemplate("wifi*notes", RecordTemplate.SecureNote);
        note.Tags.Add("needle");
        Session.AddMany([github, gitlab, bank, note]);
    }

    private VaultSession Session => _creation.Session;

    public void Dispose()
    {
        _creation.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void EmptyQuery_ListsEveryLiveRecord_SortedByName()
    {
        Assert.Equal(new[] { "Bank [main]", "GitHub", "GitLab", "wifi*notes" }, Names(new RecordQuery()));
    }

    [Theory]
    [InlineData("git*", new[] { "GitHub", "GitLab" })]
    [InlineData("*HUB", new[] { "GitHub" })]
    [InlineData("git?ab", new[] { "GitLab" })]
    [InlineData("git[h]*", new[] { "GitHub" })]
    [InlineData("git[a-l]*", new[] { "GitHub", "GitLab" })]
    [InlineData("*`[main`]", new[] { "Bank [main]" })]
    [InlineData("wifi`*notes", new[] { "wifi*notes" })]
    [InlineData("github", new[] { "GitHub" })]
    [InlineData("nothing*", new string[0])]
    public void NamePattern_MatchesPowerShellStyle(string pattern, string[] expected)
    {
        Assert.Equal(expected, Names(new RecordQuery { NamePattern = pattern }));
    }

    [Fact]
    public void Template_Tag_AndFavorite_Filter()
    {
        Assert.Equal(new[] { "GitHub", "GitLab" }, Names(new RecordQuery { Template = RecordTemplate.Login }));
        Assert.Equal(new[] { "GitHub", "GitLab" }, Names(new RecordQuery { Tag = "WORK" }));
        Assert.Equal(new[] { "GitHub" }, Names(new RecordQuery { IsFavorite = true }));
        Assert.Equal(3, Names(new RecordQuery { IsFavorite = false }).Length);
        Assert.Empty(Names(new RecordQuery { Tag = "wor" }));
    }

    [Fact]
    public void Criteria_AreAnded()
    {
        Assert.Equal(new[] { "GitLab" }, Names(new RecordQuery { NamePattern = "git*", Tag = "work", IsFavorite = false }));
        Assert.Empty(Names(new RecordQuery { NamePattern = "bank*", Template = RecordTemplate.Login }));
    }

    [Fact]
    public void Text_SearchesNameNotesTagsAndVisibleFields_NeverSecrets()
    {
        Assert.Equal(new[] { "Bank [main]", "GitLab", "wifi*notes" }, Names(new RecordQuery { Text = "NEEDLE" }));
        Assert.Equal(new[] { "GitHub" }, Names(new RecordQuery { Text = "octo" }));
        Assert.Equal(new[] { "GitHub" }, Names(new RecordQuery { Text = "hub" }));
        Assert.Empty(Names(new RecordQuery { Text = "needle-in-secret" }));
        Assert.Equal(new[] { "GitLab" }, Names(new RecordQuery { Text = "needle", Template = RecordTemplate.Login }));
    }

    [Fact]
    public void Summaries_CarryIdRevisionAndMetadata()
    {
        RecordSummary github = Session.Search(new RecordQuery { NamePattern = "github" }).Single();
        MSecure.Core.Records.Record full = Session.FindByName("GitHub")!;

        Assert.Equal(full.Id, github.Id);
        Assert.Equal(1, github.Revision);
        Assert.Equal(RecordTemplate.Login, github.Template);
        Assert.Equal(new[] { "Work" }, github.Tags);
        Assert.True(github.IsFavorite);
        Assert.Equal(full.ModifiedAt, github.ModifiedAt);
    }

    [Fact]
    public void ABadPattern_IsInvalidArgument()
    {
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => Session.Search(new RecordQuery { NamePattern = "git[" }));
    }

    [Fact]
    public void ManyRecords_AreSearchedInParallel_WithTheSameResult()
    {
        Session.AddMany(Enumerable.Range(0, 3000).Select(i => TestVaults.Login("bulk " + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))));

        string[] names = Names(new RecordQuery { NamePattern = "bulk *42*" });

        Assert.Equal(Enumerable.Range(0, 3000).Select(i => "bulk " + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Where(n => n[5..].Contains("42", StringComparison.Ordinal)), names);
        Assert.Equal(3004, Session.Search(new RecordQuery()).Count);
        Assert.Equal(3, Session.Search(new RecordQuery { Text = "needle" }).Count);
    }

    private string[] Names(RecordQuery query) => Session.Search(query).Select(summary => summary.Name).ToArray();
}
