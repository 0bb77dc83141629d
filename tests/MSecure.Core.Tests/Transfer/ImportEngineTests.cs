using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Transfer;
using MSecure.Core.Vault;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Transfer;

/// <summary>The import engine (VaultSession.Import) with entries built here, independent of any file format.</summary>
public sealed class ImportEngineTests : IDisposable
{
    private const string Source = "test.csv";

    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _creation;

    public ImportEngineTests() => _creation = TestVaults.Create(_directory.VaultPath);

    private VaultSession Session => _creation.Session;

    public void Dispose()
    {
        _creation.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Import_StoresEveryEntry_InOneVaultRevision_AndCountsThem()
    {
        long before = VaultRevision();
        RecordDraft card = RecordDraft.FromTemplate("Visa", RecordTemplate.CreditCard);
        card.SetField("CardNumber", "4111111111111111");
        card.SetField("Loyalty", "gold", FieldKind.Text);
        ImportItem[] items =
        [
            Item(1, ImportLogin("GitHub", "octocat", "https://github.com")),
            ImportItem.Read("line 2", card, "Credit Card", customFields: ["Loyalty"], remarks: ["attachment 'scan.pdf' skipped"]),
            Item(3, ImportLogin("Mail", "me@example.com", "https://mail.example.com")),
        ];

        ImportReport report = Session.Import(items, Source);

        Assert.Equal(3, report.Entries);
        Assert.Equal(3, report.Added);
        Assert.Equal(0, report.Failed);
        Assert.False(report.DryRun);
        Assert.Null(report.Format);
        Assert.Equal(2, report.Templates[RecordTemplate.Login]);
        Assert.Equal(1, report.Templates[RecordTemplate.CreditCard]);
        Assert.Equal(1, report.CustomFields["loyalty"]);
        Assert.Equal(["line 2: attachment 'scan.pdf' skipped"], report.Remarks);
        Assert.Equal(before + 1, VaultRevision());
        Assert.Equal(3, Session.Info.RecordCount);
        Record stored = Session.FindByName("visa")!;
        Assert.Equal("4111111111111111", stored.GetField("CardNumber")!.Value);
        Assert.Equal("gold", stored.GetField("Loyalty")!.Value);
        Assert.Empty(Session.CheckIntegrity());
    }

    [Fact]
    public void Import_FailedEntryAtTheEnd_WritesNothing_AndNamesEveryLocationWithoutValues()
    {
        Session.Add(TestVaults.Login("Existing"));
        long before = VaultRevision();
        IEnumerable<ImportItem> items = Enumerable.Range(1, 200).Select(i => Item(i, ImportLogin($"Site {i}", "user", "https://site/" + i)))
            .Append(ImportItem.Failed("line 201", "column 3 (Password) is not closed", "Web Logins"));
        RecordDraft tooLong = ImportLogin("Long", "user", "https://long");
        tooLong.SetField("Password", new string('x', RecordLimits.MaximumValueLength + 1));
        items = items.Append(Item(202, tooLong));

        MSecureException error = Assert.Throws<MSecureException>(() => Session.Import(items, Source));

        Assert.Equal(MSecureErrorCode.ImportFailed, error.Code);
        Assert.Contains("line 201: column 3 (Password) is not closed", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 202: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxxxxxx", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 entries", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, VaultRevision());
        Assert.Equal(1, Session.Info.RecordCount);
        Assert.Null(Session.FindByName("Site 1"));
        Assert.Empty(Session.CheckIntegrity());
    }

    [Fact]
    public void Import_DryRun_WritesNothing_AndReportsWhatWouldHappen()
    {
        Session.Add(TestVaults.Login("GitHub", "octocat"));
        long before = VaultRevision();
        RecordDraft other = TestVaults.Login("GitHub", "someone-else");
        ImportItem[] items =
        [
            Item(1, TestVaults.Login("GitHub", "octocat")),
            Item(2, other),
            Item(3, TestVaults.Login("New")),
            ImportItem.Failed("line 4", "the row has 2 columns; at least 4 are expected"),
        ];

        ImportReport report = Session.Import(items, Source, new ImportOptions { DryRun = true });

        Assert.True(report.DryRun);
        Assert.Equal(4, report.Entries);
        Assert.Equal(2, report.Added);
        Assert.Equal(1, report.Skipped);
        Assert.Equal(1, report.Failed);
        Assert.Equal(["line 4: the row has 2 columns; at least 4 are expected"], report.Problems);
        ImportDuplicate duplicate = Assert.Single(report.Duplicates);
        Assert.Equal(("line 1", "GitHub", false, ImportDuplicateAction.Skipped), (duplicate.Location, duplicate.ExistingName, duplicate.InFile, duplicate.Action));
        Assert.Equal(new ImportRename("line 2", "GitHub", "GitHub (2)"), Assert.Single(report.Renames));
        Assert.Equal(before, VaultRevision());
        Assert.Equal(1, Session.Info.RecordCount);
        Assert.Null(Session.FindByName("New"));
        Assert.Null(Session.FindByName("GitHub (2)"));
    }

    [Fact]
    public void Import_Skip_LeavesTheDuplicateUntouched_AndIgnoresCaseSpacesAndTrailingSlash()
    {
        Record existing = Session.Add(ImportLogin("GitHub", "octocat", "https://github.com/"));
        RecordDraft again = ImportLogin("GITHUB", " OctoCat ", "https://GitHub.com");
        again.SetField("Password", "another password");

        ImportReport report = Session.Import([Item(7, again)], Source);

        Assert.Equal(0, report.Added);
        Assert.Equal(1, report.Skipped);
        Assert.Equal(new ImportDuplicate("line 7", "GITHUB", "GitHub", false, ImportDuplicateAction.Skipped, null), Assert.Single(report.Duplicates));
        Record after = Session.Get(existing.Id);
        Assert.Equal(1, after.Revision);
        Assert.Equal(existing.GetField("Password"), after.GetField("Password"));
    }

    [Fact]
    public void Import_Merge_WritesOneRevision_UnitesFieldsAndTags_AndKeepsThePreviousInHistory()
    {
        RecordDraft original = ImportLogin("GitHub", "octocat", "https://github.com");
        original.SetField("Password", "old password");
        original.SetField("Recovery", "codes in the safe", FieldKind.Note);
        original.Tags.Add("work");
        original.Notes = "old notes";
        Record existing = Session.Add(original);
        RecordDraft entry = ImportLogin("github", "octocat", "https://github.com");
        entry.SetField("Password", "new password");
        entry.SetField("Pin", "1234", FieldKind.Pin);
        entry.SetField("OneTimePassword", string.Empty);
        entry.Tags.Add("WORK");
        entry.Tags.Add("imported");
        entry.Notes = "new notes";

        ImportReport report = Session.Import([Item(3, entry)], Source, new ImportOptions { OnDuplicate = ImportDuplicatePolicy.Merge, Tags = ["bitwarden"] });

        Assert.Equal(1, report.Merged);
        Assert.Equal(0, report.Added);
        Assert.Equal(ImportDuplicateAction.Merged, Assert.Single(report.Duplicates).Action);
        Record merged = Session.Get(existing.Id);
        Assert.Equal(2, merged.Revision);
        Assert.Equal("GitHub", merged.Name);
        Assert.Equal("new password", merged.GetField("Password")!.Value);
        Assert.Equal(FieldKind.Secret, merged.GetField("Password")!.Kind);
        Assert.Equal("codes in the safe", merged.GetField("Recovery")!.Value);
        Assert.Equal("1234", merged.GetField("Pin")!.Value);
        Assert.Equal(FieldKind.Pin, merged.GetField("Pin")!.Kind);
        Assert.Equal(["work", "imported", "bitwarden"], merged.Tags);
        Assert.Equal("new notes", merged.Notes);
        Record previous = Assert.Single(Session.GetHistory(existing.Id));
        Assert.Equal(1, previous.Revision);
        Assert.Equal("old password", previous.GetField("Password")!.Value);
        Assert.Equal("old notes", previous.Notes);
    }

    [Fact]
    public void Import_Merge_WithNothingNew_WritesNoRevision()
    {
        RecordDraft original = ImportLogin("GitHub", "octocat", "https://github.com");
        original.Notes = "kept";
        original.Tags.Add("work");
        Record existing = Session.Add(original);
        RecordDraft entry = ImportLogin("GitHub", "octocat", "https://github.com");
        entry.SetField("Password", string.Empty);
        entry.Tags.Add("Work");

        ImportReport report = Session.Import([Item(1, entry)], Source, new ImportOptions { OnDuplicate = ImportDuplicatePolicy.Merge });

        Assert.Equal(0, report.Merged);
        Assert.Equal(1, report.Skipped);
        Assert.Equal(ImportDuplicateAction.Unchanged, Assert.Single(report.Duplicates).Action);
        Assert.Equal(1, Session.Get(existing.Id).Revision);
        Assert.Empty(Session.GetHistory(existing.Id));
    }

    [Fact]
    public void Import_Keep_AddsTheDuplicateUnderAFreeName()
    {
        Session.Add(ImportLogin("GitHub", "octocat", "https://github.com"));
        Session.Add(TestVaults.Login("GitHub (2)", "somebody"));

        ImportReport report = Session.Import([Item(4, ImportLogin("GitHub", "octocat", "https://github.com"))], Source,
            new ImportOptions { OnDuplicate = ImportDuplicatePolicy.Keep });

        Assert.Equal(1, report.Added);
        Assert.Equal(new ImportDuplicate("line 4", "GitHub", "GitHub", false, ImportDuplicateAction.Kept, "GitHub (3)"), Assert.Single(report.Duplicates));
        Assert.Equal(new ImportRename("line 4", "GitHub", "GitHub (3)"), Assert.Single(report.Renames));
        Assert.Equal("octocat", Session.FindByName("GitHub (3)")!.GetField("Username")!.Value);
        Assert.Equal(3, Session.Info.RecordCount);
    }

    [Fact]
    public void Import_NameTakenByAnotherRecord_IsRenamed_NotADuplicate()
    {
        Session.Add(ImportLogin("Bank", "alice", "https://bank.example"));

        ImportReport report = Session.Import([Item(2, ImportLogin("bank", "bob", "https://bank.example"))], Source);

        Assert.Equal(1, report.Added);
        Assert.Empty(report.Duplicates);
        Assert.Equal(new ImportRename("line 2", "bank", "bank (2)"), Assert.Single(report.Renames));
        Assert.Equal("bob", Session.FindByName("bank (2)")!.GetField("Username")!.Value);
    }

    [Fact]
    public void Import_DuplicatesWithinTheFile_AreFoundAgainstEarlierEntries()
    {
        ImportItem[] items =
        [
            Item(1, ImportLogin("GitHub", "octocat", "https://github.com")),
            Item(2, ImportLogin("GitHub", "octocat", "https://github.com")),
            Item(3, ImportLogin("GitHub", "hubot", "https://github.com")),
        ];

        ImportReport report = Session.Import(items, Source);

        Assert.Equal(2, report.Added);
        Assert.Equal(new ImportDuplicate("line 2", "GitHub", "GitHub", true, ImportDuplicateAction.Skipped, null), Assert.Single(report.Duplicates));
        Assert.Equal(new ImportRename("line 3", "GitHub", "GitHub (2)"), Assert.Single(report.Renames));
    }

    [Fact]
    public void Import_TheSameEntriesTwice_SkipsEverythingTheSecondTime_RenamedOnesIncluded()
    {
        ImportItem[] Items() =>
        [
            Item(1, ImportLogin("GitHub", "octocat", "https://github.com")),
            Item(2, ImportLogin("GitHub", "hubot", "https://github.com")),
            Item(3, ImportLogin("Mail", "me", "https://mail")),
        ];
        Session.Import(Items(), Source);
        long before = VaultRevision();

        ImportReport again = Session.Import(Items(), Source);

        Assert.Equal(0, again.Added);
        Assert.Equal(3, again.Skipped);
        Assert.Equal("GitHub (2)", again.Duplicates[1].ExistingName);
        Assert.Equal(3, Session.Info.RecordCount);
        Assert.Equal(before + 1, VaultRevision());
    }

    [Fact]
    public void Import_NotesWithoutUserOrAddress_AreDuplicatesOnlyWhenTheirContentIsTheSame()
    {
        ImportItem[] items =
        [
            Item(1, Note("Untitled", "first")),
            Item(2, Note("Untitled", "second")),
            Item(3, Note("Untitled", "first")),
        ];

        ImportReport report = Session.Import(items, Source);

        Assert.Equal(2, report.Added);
        Assert.Equal("line 3", Assert.Single(report.Duplicates).Location);
        Assert.Equal("second", Session.FindByName("Untitled (2)")!.Notes);
    }

    [Fact]
    public void Import_ManyEntriesOfOneName_GetDistinctNumbers()
    {
        const int Count = 300;
        IEnumerable<ImportItem> items = Enumerable.Range(1, Count).Select(i => Item(i, Note("Untitled", "note " + i.ToString(CultureInfo.InvariantCulture))));

        ImportReport report = Session.Import(items, Source);

        Assert.Equal(Count, report.Added);
        Assert.Equal(Count - 1, report.Renamed);
        Assert.Equal(Count - 1, report.Renames.Select(rename => rename.To).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("note 300", Session.FindByName("Untitled (300)")!.Notes);
    }

    [Fact]
    public void Import_SuffixedName_IsShortenedToFitTheNameLimit()
    {
        string longName = new('n', RecordLimits.MaximumNameLength);
        Session.Add(TestVaults.Login(longName, "alice"));

        ImportReport report = Session.Import([Item(1, TestVaults.Login(longName, "bob"))], Source);

        string storedAs = Assert.Single(report.Renames).To;
        Assert.Equal(RecordLimits.MaximumNameLength, storedAs.Length);
        Assert.EndsWith("n (2)", storedAs, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Tags_AreAddedToEveryRecord()
    {
        RecordDraft tagged = TestVaults.Login("One");
        tagged.Tags.Add("Personal");

        Session.Import([Item(1, tagged), Item(2, TestVaults.Login("Two"))], Source, new ImportOptions { Tags = ["imported", "personal"] });

        Assert.Equal(["Personal", "imported"], Session.FindByName("One")!.Tags);
        Assert.Equal(["imported", "personal"], Session.FindByName("Two")!.Tags);
    }

    [Fact]
    public void Import_Cancelled_WritesNothing()
    {
        long before = VaultRevision();
        using var cancellation = new CancellationTokenSource();
        IEnumerable<ImportItem> Items()
        {
            for (int i = 1; i <= 1000; i++)
            {
                if (i == 600)
                {
                    cancellation.Cancel();
                }

                yield return Item(i, TestVaults.Login("Site " + i.ToString(CultureInfo.InvariantCulture)));
            }
        }

        Assert.ThrowsAny<OperationCanceledException>(() => Session.Import(Items(), Source, cancellationToken: cancellation.Token));

        Assert.Equal(before, VaultRevision());
        Assert.Equal(0, Session.Info.RecordCount);
        Assert.NotNull(Session.Add(TestVaults.Login("Site 1")));
    }

    [Fact]
    public void Import_ReportsProgress_OnTheCallingThread()
    {
        var reports = new List<ImportProgress>();
        int thread = Environment.CurrentManagedThreadId;
        IEnumerable<ImportItem> items = Enumerable.Range(1, 1200).Select(i => Item(i, TestVaults.Login("Site " + i.ToString(CultureInfo.InvariantCulture))));

        Session.Import(items, Source, new ImportOptions
        {
            Progress = progress =>
            {
                Assert.Equal(thread, Environment.CurrentManagedThreadId);
                reports.Add(progress);
            },
        });

        Assert.Equal([500L, 1000L, 1200L], reports.Select(progress => progress.Entries));
        Assert.All(reports, progress => Assert.Null(progress.Percent));
    }

    [Fact]
    public void Import_MoreRowsThanOneDigestChunk_KeepsTheVaultVerifiable()
    {
        int count = RecordSetHasher.ChunkRows + 100;
        IEnumerable<ImportItem> items = Enumerable.Range(1, count).Select(i => Item(i, TestVaults.Login("Site " + i.ToString(CultureInfo.InvariantCulture))));

        ImportReport report = Session.Import(items, Source);

        Assert.Equal(count, report.Added);
        Session.Dispose();
        using VaultSession reopened = TestVaults.Unlock(_directory.VaultPath);
        Assert.Equal(count, reopened.Info.RecordCount);
        Assert.Empty(reopened.CheckIntegrity());
    }

    private static ImportItem Item(int line, RecordDraft draft) =>
        ImportItem.Read("line " + line.ToString(CultureInfo.InvariantCulture), draft, draft.Template.ToString());

    private static RecordDraft ImportLogin(string name, string user, string url)
    {
        RecordDraft draft = RecordDraft.FromTemplate(name, RecordTemplate.Login);
        draft.SetField("Username", user);
        draft.SetField("Password", "pw-" + name);
        draft.SetField("Website", url);
        return draft;
    }

    private static RecordDraft Note(string name, string notes) => new() { Name = name, Template = RecordTemplate.SecureNote, Notes = notes };

    private long VaultRevision() => Session.Use(vault => vault.Read(() => vault.ReadState().Revision));
}
