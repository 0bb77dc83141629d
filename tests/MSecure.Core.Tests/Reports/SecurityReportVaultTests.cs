using System;
using System.Linq;
using MSecure.Core.Records;
using MSecure.Core.Reports;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;

using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Reports;

/// <summary>The report over a real vault: records read through the session, ages from its stored history.</summary>
public sealed class SecurityReportVaultTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _creation;

    public SecurityReportVaultTests() => _creation = TestVaults.Create(_directory.VaultPath);

    private VaultSession Session => _creation.Session;

    [Fact]
    public void AgeComesFromTheRevisionThatSetTheCurrentPassword()
    {
        Record added = Session.Add(TestVaults.Login("github", "alice", "First-Pass-11"));
        RecordDraft draft = RecordDraft.From(added);
        draft.SetField("Password", "Second-Pass-22");
        Record changed = Session.Update(added.Id, draft);
        draft = RecordDraft.From(changed);
        draft.SetField("Username", "alice2");
        Record renamed = Session.Update(added.Id, draft);
        Session.Add(TestVaults.Login("gitlab", "bob", "Second-Pass-22"));

        DateTimeOffset now = changed.ModifiedAt.AddDays(366);
        SecurityReport report = SecurityReports.Run(Session, new SecurityReportScope { NamePatterns = ["github"] }, now);

        RecordSecurityFinding finding = Assert.Single(report.Findings);
        Assert.Equal(3, renamed.Revision);
        Assert.Equal(changed.ModifiedAt, finding.PasswordChangedAt);
        Assert.Equal(TimeSpan.FromDays(366), finding.PasswordAge);
        Assert.True(finding.IsOld);
        Assert.Equal(1, finding.ReusedCount);
        Assert.Equal(2, report.Summary.RecordsInVault);
        Assert.False(SecurityReports.Run(Session, new SecurityReportScope { NamePatterns = ["github"] }, changed.ModifiedAt.AddDays(364)).Findings.Single().IsOld);
    }

    public void Dispose()
    {
        _creation.Dispose();
        _directory.Dispose();
    }
}
