using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using MSecure.Core.Access;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Sync;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Transfer;
using MSecure.Core.Vault;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Transfer;

/// <summary>VaultSession.ImportFile with real files and readers, and what an import leaves behind: the sync outbox, access grants, file modes.</summary>
public sealed class ImportFileTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _creation;

    public ImportFileTests() => _creation = TestVaults.Create(_directory.VaultPath);

    private VaultSession Session => _creation.Session;

    public void Dispose()
    {
        _creation.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void ImportFile_RecognisesTheFormat_StoresTheEntries_AndLeavesTheFileAsItWas()
    {
        string file = Copy("msecure6.csv");
        byte[] before = SHA256.HashData(File.ReadAllBytes(file));
        DateTime written = File.GetLastWriteTimeUtc(file);
        int entries = TransferFixtures.Read(ImportFormats.Of(ImportFormat.MSecureCsv), "msecure6.csv").Count;

        ImportReport report = Session.ImportFile(file);

        Assert.Equal(ImportFormat.MSecureCsv, report.Format);
        Assert.Equal(Path.GetFullPath(file), report.Source);
        Assert.Equal(entries, report.Entries);
        Assert.Equal(entries, report.Added);
        Assert.Equal(0, report.Failed);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(file)));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        Assert.Equal(entries, Session.Info.RecordCount);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_directory.VaultPath));
        }
    }

    [Fact]
    public void ImportFile_WhileAnotherReaderHasTheFileOpen_Works_AndHoldsNoWriteLock()
    {
        string file = Copy("bitwarden.json");
        using var other = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);

        ImportReport report = Session.ImportFile(file, ImportFormat.BitwardenJson, new ImportOptions { DryRun = true });

        Assert.True(report.Added > 0);
        Assert.Equal(0, Session.Info.RecordCount);
    }

    [Fact]
    public void ImportFile_UnknownContent_IsImportFormatUnknown_AndAMissingFile_IsFileNotFound()
    {
        string junk = _directory.File("junk.bin");
        File.WriteAllBytes(junk, [.. Enumerable.Range(0, 256).Select(i => (byte)i)]);

        MSecureException unknown = Assert.Throws<MSecureException>(() => Session.ImportFile(junk));

        Assert.Equal(MSecureErrorCode.ImportFormatUnknown, unknown.Code);
        Assert.Throws<FileNotFoundException>(() => Session.ImportFile(_directory.File("missing.csv")));
    }

    [Fact]
    public void ImportFile_ReportsProgress_AsTheShareOfTheFileRead()
    {
        string file = _directory.File("many.csv");
        File.WriteAllLines(file, new[] { "mSecure6 CSV export file" }.Concat(Enumerable.Range(1, 1500).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"Site {i}|{i},Login,,,Username|7|user{i},Password|8|pw{i},"))));
        var percents = new System.Collections.Generic.List<int?>();

        Session.ImportFile(file, options: new ImportOptions { Progress = progress => percents.Add(progress.Percent) });

        Assert.Equal(100, percents[^1]);
        Assert.All(percents, percent => Assert.InRange(percent!.Value, 0, 100));
    }

    [Fact]
    public void Import_PutsEveryNewRecordInTheSyncOutbox_AsUnsent_AlsoOneMergedAgainInTheFile()
    {
        Record existing = Session.Add(TestVaults.Login("Existing", "alice"));
        Session.Use(vault => vault.Write(() =>
        {
            SyncOutbox.Advance(vault.Database, existing.Id, 1, 1);
            return 0;
        }));
        RecordDraft first = TestVaults.Login("Twice", "bob", "pw-1");
        RecordDraft second = TestVaults.Login("Twice", "bob", "pw-2");
        RecordDraft existingAgain = TestVaults.Login("Existing", "alice", "pw-new");

        Session.Import([Item(1, first), Item(2, second), Item(3, existingAgain)], "test", new ImportOptions { OnDuplicate = ImportDuplicatePolicy.Merge });

        Record twice = Session.FindByName("Twice")!;
        Assert.Equal(2, twice.Revision);
        Assert.Equal(0, Outbox(twice.Id));
        Assert.Equal(1, Outbox(existing.Id));
        Assert.Equal(2, Session.Get(existing.Id).Revision);
    }

    [Fact]
    public void Import_SealsTheAccessGrants_OfTaggedRecords_BeyondOneDigestChunk()
    {
        using AccessKeyIssue issue = Session.CreateAccessKey("pipeline", "ci", null);
        string token = new(issue.Token);
        int count = RecordSetHasher.ChunkRows + 10;
        var items = Enumerable.Range(1, count).Select(i =>
        {
            RecordDraft draft = TestVaults.Login("Deploy " + i.ToString(CultureInfo.InvariantCulture), "deployer", "pw-" + i.ToString(CultureInfo.InvariantCulture));
            draft.Tags.Add(i % 2 == 0 ? "CI" : "home");
            return Item(i, draft);
        });

        Session.Import(items, "test");

        using AccessKeyReader reader = AccessKeyReader.Open(token, _directory.VaultPath);
        Assert.Equal(count / 2, reader.List().Count);
        Assert.Equal("pw-4000", reader.FindByName("deploy 4000")!.GetField("Password")!.Value);
        Assert.Null(reader.FindByName("Deploy 3999"));
    }

    private long? Outbox(Guid id) => Session.Use(vault => vault.Read(() => SyncOutbox.Find(vault.Database, id)));

    private string Copy(string fixture)
    {
        string file = _directory.File(fixture);
        File.Copy(TransferFixtures.PathOf(fixture), file);
        return file;
    }

    private static ImportItem Item(int line, RecordDraft draft) =>
        ImportItem.Read("line " + line.ToString(CultureInfo.InvariantCulture), draft, draft.Template.ToString());
}
