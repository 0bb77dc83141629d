using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Records;
using MSecure.Core.Reports;
using Xunit;

using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Reports;

/// <summary>The report's logic over records made at chosen times, with their history given directly.</summary>
public sealed class SecurityReportTests
{
    private const string Strong = "vR7#qLx9!mZ2&wP4tK8e";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("P@ssw0rd2024", new[] { "LowScore", "CommonPassword" })]
    [InlineData("qwertyuiop123", new[] { "LowScore", "Sequence" })]
    [InlineData("johnsmith1990", new[] { "LowScore" })]
    [InlineData("Xk3s9Pq2", new[] { "TooShort" })]
    [InlineData(Strong, new string[0])]
    public void WeakPasswordsAreFoundByZxcvbnOrThePolicyAnalysisOrBoth(string password, string[] reasons)
    {
        RecordSecurityFinding finding = Single(TestRecords.Login("site", password, user: "carol"));

        Assert.Equal(reasons, finding.WeakReasons);
        Assert.Equal(reasons.Length > 0, finding.IsWeak);
        Assert.InRange(finding.Score!.Value, 0, 4);
        Assert.Equal(password == Strong ? 4 : finding.Score, finding.Score);
        Assert.True(finding.EntropyBits > 0);
    }

    [Fact]
    public void APasswordBuiltOnTheUserNameScoresLowerThanTheSamePasswordElsewhere()
    {
        RecordSecurityFinding own = Single(TestRecords.Login("site", "Zephyrine-Quaxley", user: "zephyrine.quaxley@example.com"));
        RecordSecurityFinding other = Single(TestRecords.Login("site", "Zephyrine-Quaxley", user: "bob"));

        Assert.True(own.EntropyBits < other.EntropyBits);
    }

    [Fact]
    public void ReusedPasswordsAreGroupedOverTheWholeVaultEvenOutsideTheFilter()
    {
        Record[] records =
        [
            TestRecords.Of(TestRecords.Login("a-one", "Shared-Pass-1")),
            TestRecords.Of(TestRecords.Login("a-two", "Shared-Pass-1")),
            TestRecords.Of(TestRecords.Login("a-three", "shared-pass-1")),
            TestRecords.Of(TestRecords.Login("a-four", "Other-Pass-22")),
            TestRecords.Of(TestRecords.Login("b-outside", "Other-Pass-22")),
            TestRecords.Of(TestRecords.Login("b-outside-too", "Shared-Pass-1")),
            TestRecords.Of(RecordDraft.FromTemplate("a-note", RecordTemplate.SecureNote)),
        ];

        SecurityReport report = Build(records, new SecurityReportScope { NamePatterns = ["A-*"] });
        Dictionary<string, RecordSecurityFinding> byName = report.Findings.ToDictionary(f => f.Name);

        Assert.Equal(["a-one", "a-two", "a-three", "a-four", "a-note"], report.Findings.Select(f => f.Name));
        Assert.Equal(2, byName["a-one"].ReusedCount);
        Assert.Equal(2, byName["a-two"].ReusedCount);
        Assert.Equal(byName["a-one"].ReuseGroup, byName["a-two"].ReuseGroup);
        Assert.False(byName["a-three"].IsReused); // Case matters: a site compares exactly.
        Assert.Null(byName["a-three"].ReuseGroup);
        Assert.Equal(1, byName["a-four"].ReusedCount); // Shared with a record outside the filter.
        Assert.NotNull(byName["a-four"].ReuseGroup);
        Assert.NotEqual(byName["a-one"].ReuseGroup, byName["a-four"].ReuseGroup);
        Assert.False(byName["a-note"].HasPassword);
        Assert.False(byName["a-note"].IsReused);
        Assert.Equal(3, report.Summary.Reused);
        Assert.Equal(2, report.Summary.ReuseGroups);
        Assert.Equal(5, report.Summary.Records);
        Assert.Equal(7, report.Summary.RecordsInVault);
        Assert.Equal(4, report.Summary.WithPassword);
    }

    [Fact]
    public void AgeCountsFromWhenTheCurrentPasswordFirstAppearedWithoutABreak()
    {
        Guid id = Guid.NewGuid();
        DateTimeOffset created = Now.AddDays(-900);
        DateTimeOffset changed = Now.AddDays(-500);
        DateTimeOffset edited = Now.AddDays(-10);
        Record current = TestRecords.Of(TestRecords.Login("bank", "Current-Pass-77", user: "new-name"), revision: 3, created, edited, id);
        IReadOnlyList<Record> history =
        [
            TestRecords.Of(TestRecords.Login("bank", "Current-Pass-77"), revision: 2, created, changed, id),
            TestRecords.Of(TestRecords.Login("bank", "First-Pass-11"), revision: 1, created, created, id),
        ];

        RecordSecurityFinding finding = Build([current], new SecurityReportScope(), other => other == id ? history : throw new InvalidOperationException()).Findings.Single();

        Assert.Equal(changed, finding.PasswordChangedAt);
        Assert.Equal(TimeSpan.FromDays(500), finding.PasswordAge);
        Assert.True(finding.IsOld);
        Assert.False(Build([current], new SecurityReportScope { OlderThanDays = 500 }, _ => history).Findings.Single().IsOld);
        Assert.True(Build([current], new SecurityReportScope { OlderThanDays = 499 }, _ => history).Findings.Single().IsOld);
    }

    [Fact]
    public void APasswordChangedBackCountsFromTheChangeBack()
    {
        Guid id = Guid.NewGuid();
        DateTimeOffset created = Now.AddDays(-800);
        Record current = TestRecords.Of(TestRecords.Login("mail", "Same-Again-42"), revision: 3, created, Now.AddDays(-30), id);
        IReadOnlyList<Record> history =
        [
            TestRecords.Of(TestRecords.Login("mail", "In-Between-42"), revision: 2, created, Now.AddDays(-400), id),
            TestRecords.Of(TestRecords.Login("mail", "Same-Again-42"), revision: 1, created, created, id),
        ];

        RecordSecurityFinding finding = Build([current], new SecurityReportScope(), _ => history).Findings.Single();

        Assert.Equal(Now.AddDays(-30), finding.PasswordChangedAt);
        Assert.False(finding.IsOld);
    }

    [Fact]
    public void AFirstRevisionIsAsOldAsTheRecordAndNeedsNoHistory()
    {
        Record record = TestRecords.Of(TestRecords.Login("old", Strong), createdAt: Now.AddDays(-366));

        RecordSecurityFinding finding = Build([record], new SecurityReportScope(), _ => throw new InvalidOperationException("no history read")).Findings.Single();

        Assert.True(finding.IsOld);
        Assert.Equal(Now.AddDays(-366), finding.PasswordChangedAt);
    }

    [Fact]
    public void LoginsWithoutAOneTimePasswordSeedAreFound()
    {
        Record[] records =
        [
            TestRecords.Of(TestRecords.Login("with-code", Strong, seed: "JBSWY3DPEHPK3PXP"), createdAt: Now.AddDays(-1)),
            TestRecords.Of(TestRecords.Login("without-code", "Nq8!vX2#rT5@kL9$")),
            TestRecords.Of(TestRecords.Login("no-password", string.Empty)),
            TestRecords.Of(RecordDraft.FromTemplate("note", RecordTemplate.SecureNote)),
        ];

        Dictionary<string, RecordSecurityFinding> byName = Build(records, new SecurityReportScope()).Findings.ToDictionary(f => f.Name);

        Assert.True(byName["with-code"].HasOneTimePassword);
        Assert.False(byName["with-code"].MissingOneTimePassword);
        Assert.False(byName["with-code"].HasIssues);
        Assert.True(byName["without-code"].MissingOneTimePassword);
        Assert.True(byName["without-code"].HasIssues);
        Assert.False(byName["no-password"].MissingOneTimePassword); // Nothing to protect with a second factor.
        Assert.False(byName["note"].MissingOneTimePassword);
    }

    [Fact]
    public void TheTagAndNameFiltersChooseTheRecordsCovered()
    {
        Record[] records =
        [
            TestRecords.Of(TestRecords.Login("GitHub", Strong, tags: "Work")),
            TestRecords.Of(TestRecords.Login("gitlab", Strong, tags: "home")),
            TestRecords.Of(TestRecords.Login("bank", Strong, tags: "work")),
        ];

        Assert.Equal(["GitHub", "bank"], Build(records, new SecurityReportScope { Tag = "WORK" }).Findings.Select(f => f.Name));
        Assert.Equal(["GitHub"], Build(records, new SecurityReportScope { Tag = "work", NamePatterns = ["git*"] }).Findings.Select(f => f.Name));
        Assert.Equal(["GitHub", "bank"], Build(records, new SecurityReportScope { NamePatterns = ["gith*", "bank"] }).Findings.Select(f => f.Name));
    }

    [Fact]
    public void TheSummaryCountsEachFinding()
    {
        Record[] records =
        [
            TestRecords.Of(TestRecords.Login("weak-reused-1", "password123"), createdAt: Now.AddDays(-1)),
            TestRecords.Of(TestRecords.Login("weak-reused-2", "password123"), createdAt: Now.AddDays(-1)),
            TestRecords.Of(TestRecords.Login("old", Strong, seed: "JBSWY3DPEHPK3PXP"), createdAt: Now.AddDays(-400)),
            TestRecords.Of(TestRecords.Login("fine", "Nq8!vX2#rT5@kL9$", seed: "JBSWY3DPEHPK3PXP"), createdAt: Now.AddDays(-5)),
        ];

        SecurityReportSummary summary = Build(records, new SecurityReportScope()).Summary;

        Assert.Equal(4, summary.Records);
        Assert.Equal(2, summary.Weak);
        Assert.Equal(2, summary.Reused);
        Assert.Equal(1, summary.ReuseGroups);
        Assert.Equal(1, summary.Old);
        Assert.Equal(2, summary.LoginsWithoutOneTimePassword);
        Assert.Equal(3, summary.WithIssues);
        Assert.Equal(4, summary.ScoreCounts.Sum());
        Assert.Equal(2, summary.ScoreCounts[0]);
        Assert.Equal(365, summary.OlderThanDays);
        Assert.Equal(Now, summary.CheckedAt);
    }

    [Fact]
    public void NoFindingHoldsOrPrintsAPassword()
    {
        const string Password = "Unique-Secret-Value-93";
        SecurityReport report = Build([TestRecords.Of(TestRecords.Login("one", Password)), TestRecords.Of(TestRecords.Login("two", Password))], new SecurityReportScope());

        foreach (object item in report.Findings.Cast<object>().Append(report.Summary))
        {
            Assert.DoesNotContain(Password, item.ToString(), StringComparison.Ordinal);
            foreach (System.Reflection.PropertyInfo property in item.GetType().GetProperties())
            {
                Assert.DoesNotContain(Password, Convert.ToString(property.GetValue(item), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal);
            }
        }
    }

    private static RecordSecurityFinding Single(RecordDraft draft) =>
        Build([TestRecords.Of(draft, createdAt: Now.AddDays(-1))], new SecurityReportScope()).Findings.Single();

    private static SecurityReport Build(IEnumerable<Record> records, SecurityReportScope scope, Func<Guid, IReadOnlyList<Record>>? history = null) =>
        SecurityReports.Build(records, history ?? (_ => []), scope, Now);
}
