using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Vault;

/// <summary>
/// Damage that used to read back as "not found", a shorter history, a search that skips a record,
/// an unusable kit or a raw exception: every case is now a specific error, and Verify reports it.
/// </summary>
public sealed class VaultDamageTests : TwoRecordVaultTestBase
{
    [Theory]
    [InlineData("email = 'mallory@example.com'", MSecureErrorCode.WrongPassword)]
    [InlineData("kdf_passes = kdf_passes + 1", MSecureErrorCode.WrongPassword)]
    [InlineData("account_id = randomblob(16)", MSecureErrorCode.WrongPassword)]
    [InlineData("created_at = created_at - 86400000", MSecureErrorCode.VaultTampered)]
    [InlineData("key_epoch = key_epoch + 1", MSecureErrorCode.VaultTampered)]
    [InlineData("vault_id = randomblob(16)", MSecureErrorCode.VaultTampered)]
    public void MetadataChangedOutsideMSecure_IsRefusedAtUnlock(string change, MSecureErrorCode expected)
    {
        TestVaults.Execute(VaultPath, "UPDATE meta SET " + change + ";");

        TestValues.AssertFails(expected, () => TestVaults.Unlock(VaultPath));
    }

    [Theory]
    [InlineData("email = 'mallory@example.com'")]
    [InlineData("kdf_memory_kib = kdf_memory_kib * 2")]
    [InlineData("kdf_salt = randomblob(16)")]
    [InlineData("wrapped_account_key = (SELECT wrapped_account_key FROM meta)")]
    public void AKitIsNeverPrintedFromTamperedMetadata(string change)
    {
        Assert.NotNull(Session.GetEmergencyKit());
        TestVaults.Execute(VaultPath, "UPDATE meta SET " + change + ";");

        if (change.StartsWith("wrapped_account_key", StringComparison.Ordinal))
        {
            // The same bytes written back: nothing changed, the kit still prints.
            Assert.Equal("alice@example.com", Session.GetEmergencyKit().Email);
            return;
        }

        TestValues.AssertFails(MSecureErrorCode.VaultTampered, () => Session.GetEmergencyKit());
    }

    [Fact]
    public void AHistoryEntryDeleted_IsRecordTampered_NotAShorterHistory()
    {
        Session.Update(First.Id, TestVaults.Login("first", "one", "pw-2"));
        Session.Update(First.Id, TestVaults.Login("first", "one", "pw-3"));
        Assert.Equal(2, Session.GetHistory(First.Id).Count);

        TestVaults.Execute(VaultPath, "DELETE FROM record_history WHERE record_id = $id AND revision = 1;", ("$id", TestVaults.IdBytes(First.Id)));

        TestValues.AssertFails(MSecureErrorCode.RecordTampered, () => Session.GetHistory(First.Id));
        Assert.Contains(Session.Verify().Problems, line => line.Contains("history", StringComparison.Ordinal));
    }

    [Fact]
    public void ARecordsContentRowUnlinked_IsRecordTampered_NotNotFoundOrSkipped()
    {
        TestVaults.Execute(VaultPath, "PRAGMA foreign_keys = OFF; UPDATE record_contents SET record_seq = record_seq + 1000 WHERE record_seq = (SELECT seq FROM records WHERE id = $id);",
            ("$id", TestVaults.IdBytes(First.Id)));

        TestValues.AssertFails(MSecureErrorCode.RecordTampered, () => Session.Get(First.Id));
        TestValues.AssertFails(MSecureErrorCode.RecordTampered, () => Session.FindByName("first"));
        TestValues.AssertFails(MSecureErrorCode.RecordTampered, () => Session.Search(new RecordQuery { Text = "one" }));
        TestValues.AssertFails(MSecureErrorCode.RecordTampered, () => Session.Update(First.Id, TestVaults.Login("first")));
        VaultCheckReport report = Session.Verify();
        Assert.False(report.IsSound);
        Assert.Contains(report.Problems, line => line.Contains("content is missing", StringComparison.Ordinal));
        Assert.Contains(report.Problems, line => line.Contains("belong to no record", StringComparison.Ordinal));
    }

    [Fact]
    public void ANameIndexValueChanged_IsVaultTampered_NotNotFound()
    {
        Assert.NotNull(Session.FindByName("first"));
        TestVaults.Execute(VaultPath, "UPDATE records SET name_index = randomblob(32) WHERE id = $id;", ("$id", TestVaults.IdBytes(First.Id)));

        TestValues.AssertFails(MSecureErrorCode.VaultTampered, () => Session.FindByName("first"));
        using VaultSession fresh = TestVaults.Unlock(VaultPath);
        TestValues.AssertFails(MSecureErrorCode.VaultTampered, () => fresh.FindByName("first"));
        Assert.Contains(fresh.Verify().Problems, line => line.Contains("name index does not belong", StringComparison.Ordinal));
    }

    [Fact]
    public void ADamagedSqliteNameIndex_IsVaultCorrupted_NotNotFound()
    {
        // Empty the index of live names behind SQLite's back, as a damaged index page would: rebuild
        // it under a definition that admits no row, then put the real definition back.
        const string Original = "WHERE deleted = 0";
        TestVaults.Execute(VaultPath, "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, '" + Original + "', '" + Original + " AND 0') WHERE name = 'records_live_name';");
        TestVaults.Execute(VaultPath, "REINDEX records_live_name;");
        TestVaults.Execute(VaultPath, "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, ' AND 0', '') WHERE name = 'records_live_name';");

        using VaultSession fresh = TestVaults.Unlock(VaultPath);
        TestValues.AssertFails(MSecureErrorCode.VaultCorrupted, () => fresh.FindByName("first"));
        TestValues.AssertFails(MSecureErrorCode.VaultCorrupted, () => fresh.FindByName("second"));
        Assert.Null(fresh.FindByName("no such record"));
        Assert.Contains(fresh.Verify().Problems, line => line.Contains("SQLite integrity check", StringComparison.Ordinal));
    }

    [Fact]
    public void ADamagedSqliteIdIndex_IsVaultCorrupted_NotNotFound()
    {
        // Zero the cell count of the (one-page) index of record ids, as a damaged page would. No
        // connection of this process may be open while the file is written behind SQLite's back.
        Session.Dispose();
        long page = (long)TestVaults.Scalar(VaultPath, "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_records_1';")!;
        long pageSize = (long)TestVaults.Scalar(VaultPath, "PRAGMA page_size;")!;
        byte[] bytes = System.IO.File.ReadAllBytes(VaultPath);
        long header = (page - 1) * pageSize;
        Assert.Equal(0x0A, bytes[header]); // a leaf index page
        bytes[header + 3] = 0;
        bytes[header + 4] = 0;
        System.IO.File.WriteAllBytes(VaultPath, bytes);

        using VaultSession fresh = TestVaults.Unlock(VaultPath);
        TestValues.AssertFails(MSecureErrorCode.VaultCorrupted, () => fresh.Get(First.Id));
        TestValues.AssertFails(MSecureErrorCode.VaultCorrupted, () => fresh.GetHistory(Second.Id));
        TestValues.AssertFails(MSecureErrorCode.RecordNotFound, () => fresh.Get(Guid.NewGuid()));
        Assert.Contains(fresh.Verify().Problems, line => line.Contains("SQLite integrity check", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ALTER TABLE records DROP COLUMN summary;")]
    [InlineData("ALTER TABLE meta DROP COLUMN verifier; ALTER TABLE meta ADD COLUMN verifier BLOB;")]
    [InlineData("ALTER TABLE meta DROP COLUMN email; ALTER TABLE meta ADD COLUMN email TEXT;")]
    [InlineData("ALTER TABLE record_history RENAME TO old_history;")]
    [InlineData("UPDATE meta SET kdf_salt = 'a text, not bytes';")]
    [InlineData("UPDATE records SET id = 'x' WHERE seq = (SELECT min(seq) FROM records);")]
    [InlineData("UPDATE records SET revision = 'two' WHERE seq = (SELECT min(seq) FROM records);")]
    [InlineData("UPDATE record_history SET content = 42;")]
    public void SchemaDamage_IsVaultCorruptedOrTampered_NeverARawException(string damage)
    {
        Session.Update(First.Id, TestVaults.Login("first", "one", "pw-2"));
        TestVaults.Execute(VaultPath, damage);

        // Each call may still work where the damage is out of its way, but none answers with a raw
        // exception, and the damage does not go unnoticed.
        int detected = new Action[]
        {
            () => TestVaults.Unlock(VaultPath).Dispose(),
            () => Session.Get(First.Id),
            () => Session.GetHistory(First.Id),
            () => Session.Search(new RecordQuery()),
            () => Session.Search(new RecordQuery { Text = "one" }),
        }.Count(Detected);
        Assert.True(detected > 0 || !Session.Verify().IsSound, "the damage went unnoticed");
    }

    [Fact]
    public void Verify_OfASoundVault_CountsWhatItChecked()
    {
        Session.Update(First.Id, TestVaults.Login("first", "one", "pw-2"));
        Session.Remove(Second.Id);
        Session.Add(TestVaults.Login("third"));

        VaultCheckReport report = Session.Verify();

        Assert.True(report.IsSound, string.Join(Environment.NewLine, report.Problems));
        Assert.Equal(2, report.LiveRecords);
        Assert.Equal(1, report.RemovedRecords);
        Assert.Equal(2, report.HistoryEntries);
        Assert.Equal(5, report.Revision);
        Assert.Equal(VaultPath, report.Path);
    }

    [Fact]
    public void Verify_ReportsEveryProblem_WithoutASecret()
    {
        Record third = Session.Add(TestVaults.Login("third", "three", "pw-secret-3"));
        Session.Update(third.Id, TestVaults.Login("third", "three", "pw-secret-4"));
        byte[] summary = (byte[])TestVaults.Scalar(VaultPath, "SELECT summary FROM records WHERE id = $id;", ("$id", TestVaults.IdBytes(Second.Id)))!;
        summary[^1] ^= 1;
        TestVaults.Execute(VaultPath, "UPDATE records SET summary = $s WHERE id = $id;", ("$s", summary), ("$id", TestVaults.IdBytes(Second.Id)));
        TestVaults.Execute(VaultPath, "DELETE FROM record_history WHERE record_id = $id;", ("$id", TestVaults.IdBytes(third.Id)));
        TestVaults.Execute(VaultPath, "INSERT INTO record_history (record_id, revision, content) VALUES ($id, 9, x'00');", ("$id", TestVaults.IdBytes(First.Id)));

        IReadOnlyList<string> problems = Session.Verify().Problems;

        Assert.Contains(problems, line => line.Contains(Second.Id.ToString(), StringComparison.Ordinal) && line.Contains("summary", StringComparison.Ordinal));
        Assert.Contains(problems, line => line.Contains(third.Id.ToString(), StringComparison.Ordinal) && line.Contains("history", StringComparison.Ordinal));
        Assert.Contains(problems, line => line.Contains(First.Id.ToString(), StringComparison.Ordinal) && line.Contains("history", StringComparison.Ordinal));
        Assert.True(problems.Count >= 3);
        Assert.DoesNotContain(problems, line => line.Contains("pw-", StringComparison.Ordinal) || line.Contains("three", StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="action"/> failed with an integrity error; any other exception fails the test.</summary>
    private static bool Detected(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (MSecureException exception) when (exception.Code is MSecureErrorCode.VaultCorrupted or MSecureErrorCode.VaultTampered
            or MSecureErrorCode.RecordTampered or MSecureErrorCode.VaultRolledBack)
        {
            return true;
        }
    }
}
