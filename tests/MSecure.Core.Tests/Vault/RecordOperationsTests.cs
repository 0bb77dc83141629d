using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Vault;

public sealed class RecordOperationsTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _creation;

    public RecordOperationsTests() => _creation = TestVaults.Create(_directory.VaultPath);

    private VaultSession Session => _creation.Session;

    public void Dispose()
    {
        _creation.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Add_ThenGet_ReturnsEveryPartOfTheRecord()
    {
        RecordDraft draft = TestVaults.Login("GitHub", "octocat", "hunter2");
        draft.Notes = "two-factor on";
        draft.Tags.Add("work");
        draft.Tags.Add("code");
        draft.IsFavorite = true;
        draft.SetField("Recovery", "codes in the safe", FieldKind.Note);

        Record added = Session.Add(draft);
        Record read = Session.Get(added.Id);

        Assert.Equal(1, added.Revision);
        Assert.Equal(added.Id, read.Id);
        Assert.Equal("GitHub", read.Name);
        Assert.Equal(RecordTemplate.Login, read.Template);
        Assert.Equal("octocat", read.GetField("username")!.Value);
        Assert.Equal("hunter2", read.GetField("PASSWORD")!.Value);
        Assert.Equal(FieldKind.Secret, read.GetField("Password")!.Kind);
        Assert.Equal(FieldKind.Note, read.GetField("Recovery")!.Kind);
        Assert.Equal(draft.Fields, read.Fields);
        Assert.Equal(new[] { "work", "code" }, read.Tags);
        Assert.Equal("two-factor on", read.Notes);
        Assert.True(read.IsFavorite);
        Assert.Equal(added.CreatedAt, read.CreatedAt);
        Assert.Equal(added.ModifiedAt, read.ModifiedAt);
        Assert.InRange(read.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(1, Session.Info.RecordCount);
    }

    [Fact]
    public void Add_KeepsUnicodeAndSpacesExactly()
    {
        RecordDraft draft = RecordDraft.FromTemplate("  Café ☕ 𝄞  ", RecordTemplate.SecureNote);
        draft.Notes = "line 1\nline 2\t\"quoted\" <tag> & ü";

        Record read = Session.Get(Session.Add(draft).Id);

        Assert.Equal("  Café ☕ 𝄞  ", read.Name);
        Assert.Equal(draft.Notes, read.Notes);
    }

    [Fact]
    public void FindByName_IgnoresCaseAndCompatibilityForms()
    {
        Record added = Session.Add(RecordDraft.FromTemplate("ﬁle Server", RecordTemplate.ServerDatabase));

        Assert.Equal(added.Id, Session.FindByName("ﬁle Server")!.Id);
        Assert.Equal(added.Id, Session.FindByName("FILE SERVER")!.Id);
        Assert.Equal(added.Id, Session.FindByName("ｆｉｌｅ server")!.Id);
        Assert.Null(Session.FindByName("file server "));
        Assert.Null(Session.FindByName("other"));
        Assert.Null(Session.FindByName(string.Empty));
        Assert.Null(Session.FindByName("\ud800"));
    }

    [Fact]
    public void Add_WithANameInUse_IsRecordNameConflict()
    {
        Record first = Session.Add(TestVaults.Login("GitHub"));

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.RecordNameConflict, () => Session.Add(TestVaults.Login("GITHUB")));

        Assert.Contains(first.Id.ToString(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("GITHUB", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Session.Info.RecordCount);
    }

    [Fact]
    public void Update_WritesTheNextRevision_AndKeepsThePreviousInHistory()
    {
        Record first = Session.Add(TestVaults.Login("GitHub", "octocat", "old-password"));
        RecordDraft edit = RecordDraft.From(first);
        edit.SetField("Password", "new-password");
        edit.Name = "GitHub (work)";

        Record second = Session.Update(first.Id, edit, expectedRevision: 1);

        Assert.Equal(2, second.Revision);
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.True(second.ModifiedAt >= first.ModifiedAt);
        Record current = Session.Get(first.Id);
        Assert.Equal("new-password", current.GetField("Password")!.Value);
        Assert.Equal("GitHub (work)", current.Name);
        Assert.Null(Session.FindByName("GitHub"));
        Assert.Equal(first.Id, Session.FindByName("github (WORK)")!.Id);
        Record old = Assert.Single(Session.GetHistory(first.Id));
        Assert.Equal(1, old.Revision);
        Assert.Equal("old-password", old.GetField("Password")!.Value);
        Assert.Equal("GitHub", old.Name);
    }

    [Fact]
    public void Update_WithAStaleRevision_IsRecordRevisionConflict_AndChangesNothing()
    {
        Record first = Session.Add(TestVaults.Login("GitHub", "a", "one"));
        RecordDraft fromFirstWriter = RecordDraft.From(first);
        RecordDraft fromSecondWriter = RecordDraft.From(first);
        fromFirstWriter.SetField("Password", "two");
        fromSecondWriter.SetField("Password", "three");
        Session.Update(first.Id, fromFirstWriter, first.Revision);

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.RecordRevisionConflict,
            () => Session.Update(first.Id, fromSecondWriter, first.Revision));

        Assert.Contains(first.Id.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal("two", Session.Get(first.Id).GetField("Password")!.Value);
        Assert.Equal(2, Session.Get(first.Id).Revision);
        TestValues.AssertFails(MSecureErrorCode.RecordRevisionConflict, () => Session.Remove(first.Id, expectedRevision: 1));
    }

    [Fact]
    public void Update_WithoutExpectedRevision_AlwaysApplies()
    {
        Record first = Session.Add(TestVaults.Login("GitHub"));
        Session.Update(first.Id, TestVaults.Login("GitHub", "b"));

        Record third = Session.Update(first.Id, TestVaults.Login("GitHub", "c"));

        Assert.Equal(3, third.Revision);
        Assert.Equal(new long[] { 2, 1 }, Session.GetHistory(first.Id).Select(r => r.Revision));
    }

    [Fact]
    public void Update_ToTheNameOfAnotherRecord_IsRecordNameConflict()
    {
        Session.Add(TestVaults.Login("GitHub"));
        Record other = Session.Add(TestVaults.Login("GitLab"));

        TestValues.AssertFails(MSecureErrorCode.RecordNameConflict, () => Session.Update(other.Id, TestVaults.Login("github")));

        Assert.Equal(1, Session.Get(other.Id).Revision);
    }

    [Fact]
    public void Update_OrRemove_AnUnknownRecord_IsRecordNotFound()
    {
        TestValues.AssertFails(MSecureErrorCode.RecordNotFound, () => Session.Update(Guid.NewGuid(), TestVaults.Login("x")));
        TestValues.AssertFails(MSecureErrorCode.RecordNotFound, () => Session.Remove(Guid.NewGuid()));
        TestValues.AssertFails(MSecureErrorCode.RecordNotFound, () => Session.Get(Guid.NewGuid()));
        TestValues.AssertFails(MSecureErrorCode.RecordNotFound, () => Session.GetHistory(Guid.NewGuid()));
    }

    [Fact]
    public void Remove_LeavesATombstone_FreesTheName_AndKeepsTheLastVersionInHistory()
    {
        Record record = Session.Add(TestVaults.Login("GitHub", "octocat", "pw"));

        Session.Remove(record.Id, expectedRevision: 1);

        TestValues.AssertFails(MSecureErrorCode.RecordNotFound, () => Session.Get(record.Id));
        TestValues.AssertFails(MSecureErrorCode.RecordNotFound, () => Session.Remove(record.Id));
        TestValues.AssertFails(MSecureErrorCode.RecordNotFound, () => Session.Update(record.Id, TestVaults.Login("GitHub")));
        Assert.Null(Session.FindByName("GitHub"));
        Assert.Empty(Session.Search(new RecordQuery()));
        Assert.Equal(0, Session.Info.RecordCount);
        Assert.Equal("pw", Assert.Single(Session.GetHistory(record.Id)).GetField("Password")!.Value);
        Assert.Equal(2L, TestVaults.Scalar(_directory.VaultPath, "SELECT revision FROM records WHERE id = $id;", ("$id", TestVaults.IdBytes(record.Id))));
        Assert.Equal(1L, TestVaults.Scalar(_directory.VaultPath, "SELECT deleted FROM records WHERE id = $id;", ("$id", TestVaults.IdBytes(record.Id))));
        Assert.Equal(0L, TestVaults.Scalar(_directory.VaultPath, "SELECT count(*) FROM records WHERE summary IS NOT NULL OR name_index IS NOT NULL;"));

        Record again = Session.Add(TestVaults.Login("GitHub"));
        Assert.NotEqual(record.Id, again.Id);
    }

    [Fact]
    public void AddMany_AddsAllInOneTransaction()
    {
        IReadOnlyList<Record> added = Session.AddMany(Enumerable.Range(0, 50).Select(i => TestVaults.Login("site " + i)));

        Assert.Equal(50, added.Count);
        Assert.Equal(50, Session.Info.RecordCount);
        Assert.Equal(added[17].Id, Session.FindByName("SITE 17")!.Id);
    }

    [Fact]
    public void AddMany_WithAConflict_AddsNothing()
    {
        Session.Add(TestVaults.Login("site 3"));

        TestValues.AssertFails(MSecureErrorCode.RecordNameConflict,
            () => Session.AddMany(Enumerable.Range(0, 10).Select(i => TestVaults.Login("site " + i))));
        MSecureException withinBatch = TestValues.AssertFails(MSecureErrorCode.RecordNameConflict,
            () => Session.AddMany([TestVaults.Login("a"), TestVaults.Login("A")]));
        Assert.DoesNotContain("id", withinBatch.Message, StringComparison.Ordinal);

        Assert.Equal(1, Session.Info.RecordCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Add_WithAnInvalidName_IsInvalidRecord(string name)
    {
        TestValues.AssertFails(MSecureErrorCode.InvalidRecord, () => Session.Add(RecordDraft.FromTemplate(name, RecordTemplate.Login)));
    }

    [Fact]
    public void Add_WithAnUnpairedSurrogate_IsInvalidRecord()
    {
        TestValues.AssertFails(MSecureErrorCode.InvalidRecord, () => Session.Add(RecordDraft.FromTemplate("bad\ud800", RecordTemplate.Login)));
        RecordDraft badValue = TestVaults.Login("ok");
        badValue.SetField("Password", "\udc00");
        TestValues.AssertFails(MSecureErrorCode.InvalidRecord, () => Session.Add(badValue));
    }

    [Fact]
    public void Add_AnInvalidDraft_IsInvalidRecord_WithoutQuotingValues()
    {
        RecordDraft duplicateLabel = TestVaults.Login("x");
        duplicateLabel.Fields.Add(new RecordField("PASSWORD", FieldKind.Secret, "secret-value-42"));
        RecordDraft longName = RecordDraft.FromTemplate(new string('n', RecordLimits.MaximumNameLength + 1), RecordTemplate.Login);
        RecordDraft emptyTag = TestVaults.Login("y");
        emptyTag.Tags.Add(" ");
        RecordDraft badKind = TestVaults.Login("z");
        badKind.Fields.Add(new RecordField("Extra", (FieldKind)99, "v"));

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.InvalidRecord, () => Session.Add(duplicateLabel));
        TestValues.AssertFails(MSecureErrorCode.InvalidRecord, () => Session.Add(longName));
        TestValues.AssertFails(MSecureErrorCode.InvalidRecord, () => Session.Add(emptyTag));
        TestValues.AssertFails(MSecureErrorCode.InvalidRecord, () => Session.Add(badKind));
        Assert.DoesNotContain("secret-value-42", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Session.Info.RecordCount);
    }

    [Fact]
    public void Add_DropsDuplicateTagsIgnoringCase()
    {
        RecordDraft draft = TestVaults.Login("x");
        draft.Tags.AddRange(["Work", "work", "Home"]);

        Assert.Equal(new[] { "Work", "Home" }, Session.Add(draft).Tags);
    }

    [Fact]
    public void TwoSessions_OnOneFile_SeeEachOthersWrites()
    {
        using VaultSession other = TestVaults.Unlock(_directory.VaultPath);
        Record mine = Session.Add(TestVaults.Login("mine"));
        Record theirs = other.Add(TestVaults.Login("theirs"));

        Assert.Equal("theirs", Session.Get(theirs.Id).Name);
        Assert.Equal("mine", other.Get(mine.Id).Name);
        TestValues.AssertFails(MSecureErrorCode.RecordNameConflict, () => other.Add(TestVaults.Login("MINE")));
    }
}
