using System;
using System.Collections.Generic;
using System.IO;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Kit;
using MSecure.Core.Storage;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Vault;

/// <summary>
/// The sealed vault state: rows restored, hidden, deleted or copied behind the engine's back, and a
/// removed, damaged or older seal, end in VaultTampered (VaultRolledBack for a fresh unlock that the
/// revision witness contradicts), even where every remaining envelope authenticates on its own.
/// </summary>
public sealed class RecordSetIntegrityTests : TwoRecordVaultTestBase
{
    [Fact]
    public void AnOldRowRestoredWithItsHistoryDeleted_IsVaultTampered_InGetFindAndSearch()
    {
        byte[] id = TestVaults.IdBytes(First.Id);
        byte[] oldContent = TestVaults.ContentOf(VaultPath, First.Id);
        var oldSummary = (byte[])TestVaults.Scalar(VaultPath, "SELECT summary FROM records WHERE id = $id;", ("$id", id))!;
        Session.Update(First.Id, TestVaults.Login("first", "one", "pw-changed"));
        Assert.Equal("pw-changed", Session.Get(First.Id).GetField("Password")!.Value);

        // Every envelope of the restored row authenticates, and no history contradicts it.
        TestVaults.Execute(VaultPath, "UPDATE records SET revision = 1, summary = $s WHERE id = $id;", ("$s", oldSummary), ("$id", id));
        TestVaults.SetContent(VaultPath, First.Id, oldContent);
        TestVaults.Execute(VaultPath, "DELETE FROM record_history WHERE record_id = $id;", ("$id", id));

        AssertVaultTampered(() => Session.Get(First.Id));
        AssertVaultTampered(() => Session.FindByName("first"));
        AssertVaultTampered(() => Session.Search(new RecordQuery()));
        AssertVaultTampered(() => Session.Search(new RecordQuery { Text = "one" }));
        using VaultSession fresh = TestVaults.Unlock(VaultPath);
        AssertVaultTampered(() => fresh.Get(First.Id));
        using VaultSession another = TestVaults.Unlock(VaultPath);
        AssertVaultTampered(() => another.Search(new RecordQuery { NamePattern = "f*" }));
        Assert.NotEmpty(another.CheckIntegrity());
    }

    [Fact]
    public void ALiveRowFlippedToDeleted_IsVaultTampered_NotRecordNotFound()
    {
        Assert.Equal(2, Session.Search(new RecordQuery()).Count);
        TestVaults.Execute(VaultPath, "UPDATE records SET deleted = 1 WHERE id = $id;", ("$id", TestVaults.IdBytes(Second.Id)));

        AssertVaultTampered(() => Session.Get(Second.Id));
        AssertVaultTampered(() => Session.FindByName("second"));
        AssertVaultTampered(() => Session.Search(new RecordQuery()));
        AssertVaultTampered(() => Session.Get(First.Id));
    }

    [Fact]
    public void ADeletedRow_IsVaultTampered()
    {
        Session.Update(Second.Id, TestVaults.Login("second", "two", "pw-2b"));
        Assert.Equal("first", Session.Get(First.Id).Name);
        byte[] id = TestVaults.IdBytes(Second.Id);
        TestVaults.Execute(VaultPath, "DELETE FROM record_history WHERE record_id = $id;", ("$id", id));
        TestVaults.Execute(VaultPath, "DELETE FROM record_contents WHERE record_seq = (SELECT seq FROM records WHERE id = $id);", ("$id", id));
        TestVaults.Execute(VaultPath, "DELETE FROM records WHERE id = $id;", ("$id", id));

        AssertVaultTampered(() => Session.Get(Second.Id));
        AssertVaultTampered(() => Session.GetHistory(Second.Id));
        AssertVaultTampered(() => Session.Get(First.Id));
        AssertVaultTampered(() => Session.Search(new RecordQuery()));
    }

    [Fact]
    public void ARemovedRecordsTombstoneDeleted_IsVaultTampered()
    {
        Session.Remove(Second.Id);
        byte[] id = TestVaults.IdBytes(Second.Id);
        TestVaults.Execute(VaultPath, "DELETE FROM record_history WHERE record_id = $id;", ("$id", id));
        TestVaults.Execute(VaultPath, "DELETE FROM record_contents WHERE record_seq = (SELECT seq FROM records WHERE id = $id);", ("$id", id));
        TestVaults.Execute(VaultPath, "DELETE FROM records WHERE id = $id;", ("$id", id));

        AssertVaultTampered(() => Session.Search(new RecordQuery()));
        AssertVaultTampered(() => Session.Get(First.Id));
    }

    [Fact]
    public void ARowCopiedUnderANewId_IsDetected()
    {
        Assert.Equal("first", Session.Get(First.Id).Name);
        byte[] newId = TestVaults.IdBytes(Guid.NewGuid());
        TestVaults.Execute(VaultPath,
            "INSERT INTO records (id, revision, deleted, modified_at, name_index, summary) " +
            "SELECT $new, revision, deleted, modified_at, NULL, summary FROM records WHERE id = $id;",
            ("$new", newId), ("$id", TestVaults.IdBytes(First.Id)));
        TestVaults.Execute(VaultPath,
            "INSERT INTO record_contents (record_seq, content) SELECT (SELECT seq FROM records WHERE id = $new), content " +
            "FROM record_contents WHERE record_seq = (SELECT seq FROM records WHERE id = $id);",
            ("$new", newId), ("$id", TestVaults.IdBytes(First.Id)));

        AssertVaultTampered(() => Session.Get(First.Id));
        AssertVaultTampered(() => Session.FindByName("second"));

        // The copy's envelopes are bound to the old id, so a search may name it as the tampered record first.
        var error = Assert.Throws<MSecureException>(() => Session.Search(new RecordQuery()));
        Assert.Contains(error.Code, new[] { MSecureErrorCode.VaultTampered, MSecureErrorCode.RecordTampered });
    }

    [Fact]
    public void ACopiedTombstoneUnderANewId_IsVaultTampered_InSearch()
    {
        Session.Remove(Second.Id);
        Assert.Single(Session.Search(new RecordQuery()));
        byte[] newId = TestVaults.IdBytes(Guid.NewGuid());
        TestVaults.Execute(VaultPath,
            "INSERT INTO records (id, revision, deleted, modified_at, name_index, summary) " +
            "SELECT $new, revision, deleted, modified_at, NULL, NULL FROM records WHERE id = $id;",
            ("$new", newId), ("$id", TestVaults.IdBytes(Second.Id)));
        TestVaults.Execute(VaultPath,
            "INSERT INTO record_contents (record_seq, content) SELECT (SELECT seq FROM records WHERE id = $new), content " +
            "FROM record_contents WHERE record_seq = (SELECT seq FROM records WHERE id = $id);",
            ("$new", newId), ("$id", TestVaults.IdBytes(Second.Id)));

        AssertVaultTampered(() => Session.Search(new RecordQuery()));
    }

    [Fact]
    public void ATamperedOrRemovedState_IsVaultTampered_AndAFreshUnlockRefusesIt()
    {
        Assert.Equal("first", Session.Get(First.Id).Name);
        var state = (byte[])TestVaults.Scalar(VaultPath, "SELECT state FROM meta;")!;
        byte[] flipped = (byte[])state.Clone();
        flipped[^1] ^= 0x01;
        TestVaults.Execute(VaultPath, "UPDATE meta SET state = $a;", ("$a", flipped));
        AssertVaultTampered(() => Session.Get(First.Id));
        AssertVaultTampered(() => TestVaults.Unlock(VaultPath));

        // Setting the seal to NULL with plain SQL does not turn the checks off.
        TestVaults.Execute(VaultPath, "UPDATE meta SET state = NULL;");
        AssertVaultTampered(() => Session.Get(First.Id));
        AssertVaultTampered(() => Session.Add(TestVaults.Login("third")));
        AssertVaultTampered(() => Session.Search(new RecordQuery()));
        TestValues.AssertFails(MSecureErrorCode.VaultRolledBack, () => TestVaults.Unlock(VaultPath));

        TestVaults.Execute(VaultPath, "UPDATE meta SET state = $a;", ("$a", state));
        Assert.Equal("first", Session.Get(First.Id).Name);
    }

    [Fact]
    public void AnOlderStateRestoredWithItsRows_IsVaultTampered_ForASession_AndVaultRolledBack_ForAFreshUnlock()
    {
        byte[] id = TestVaults.IdBytes(First.Id);
        byte[] oldContent = TestVaults.ContentOf(VaultPath, First.Id);
        var oldSummary = (byte[])TestVaults.Scalar(VaultPath, "SELECT summary FROM records WHERE id = $id;", ("$id", id))!;
        var oldState = (byte[])TestVaults.Scalar(VaultPath, "SELECT state FROM meta;")!;
        Session.Update(First.Id, TestVaults.Login("first", "one", "pw-changed"));
        Assert.Equal("pw-changed", Session.Get(First.Id).GetField("Password")!.Value);

        // A consistent older vault: its own state, rows and (no) history.
        TestVaults.Execute(VaultPath, "UPDATE records SET revision = 1, summary = $s WHERE id = $id;", ("$s", oldSummary), ("$id", id));
        TestVaults.SetContent(VaultPath, First.Id, oldContent);
        TestVaults.Execute(VaultPath, "DELETE FROM record_history WHERE record_id = $id;", ("$id", id));
        TestVaults.Execute(VaultPath, "UPDATE meta SET state = $a;", ("$a", oldState));

        AssertVaultTampered(() => Session.Get(First.Id));
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.VaultRolledBack, () => TestVaults.Unlock(VaultPath));
        Assert.Contains(".witness", error.Message, StringComparison.Ordinal);

        // Accepted on purpose (a restored backup), the older state is the newest from now on.
        using (VaultFile file = VaultFile.Open(VaultPath))
        using (VaultSession accepted = file.Unlock(TestVaults.Password, acceptRollback: true))
        {
            Assert.Equal("pw-one", accepted.Get(First.Id).GetField("Password")!.Value);
            Assert.Empty(accepted.CheckIntegrity());
        }

        using VaultSession later = TestVaults.Unlock(VaultPath);
        Assert.Equal("pw-one", later.Get(First.Id).GetField("Password")!.Value);
    }

    [Fact]
    public void TwoSessions_SeeEachOthersWrites_WithoutFalseAlarms()
    {
        using VaultSession other = TestVaults.Unlock(VaultPath);
        Assert.Equal(2, other.Search(new RecordQuery()).Count);

        Record third = Session.Add(TestVaults.Login("third"));
        Assert.Equal("third", other.Get(third.Id).Name);
        other.Update(First.Id, TestVaults.Login("first", "one", "pw-other"));
        Assert.Equal("pw-other", Session.FindByName("FIRST")!.GetField("Password")!.Value);
        Session.Remove(Second.Id);
        Assert.Single(other.GetHistory(Second.Id));
        Assert.Equal(2, other.Search(new RecordQuery()).Count);
        other.AddMany([TestVaults.Login("fourth"), TestVaults.Login("fifth")]);
        Assert.Equal(3, Session.Search(new RecordQuery { Text = "alice" }).Count);
        Assert.Equal(4, other.Search(new RecordQuery()).Count);

        Assert.Empty(Session.CheckIntegrity());
        Assert.Empty(other.CheckIntegrity());
        using VaultSession fresh = TestVaults.Unlock(VaultPath);
        Assert.Equal("third", fresh.Get(third.Id).Name);
    }

    [Fact]
    public void KeyRotation_ReanchorsTheRecordSet_AndRefusesATamperedOne()
    {
        Session.Remove(Second.Id);
        Session.RotateAccountKey(TestVaults.Password);
        Assert.Equal("first", Session.Get(First.Id).Name);
        Assert.Empty(Session.CheckIntegrity());
        using (VaultSession fresh = TestVaults.Unlock(VaultPath))
        {
            Assert.Single(fresh.Search(new RecordQuery()));
            Assert.Empty(fresh.CheckIntegrity());
        }

        var epoch = TestVaults.Scalar(VaultPath, "SELECT key_epoch FROM meta;");
        TestVaults.Execute(VaultPath, "UPDATE records SET deleted = 1 WHERE id = $id;", ("$id", TestVaults.IdBytes(First.Id)));
        AssertVaultTampered(() => Session.RotateAccountKey(TestVaults.Password));
        Assert.Equal(epoch, TestVaults.Scalar(VaultPath, "SELECT key_epoch FROM meta;"));
    }

    [Fact]
    public void AVaultWithItsSealAndAnchorRemoved_IsVaultTampered_EvenWithoutAWitness()
    {
        // Plain SQL takes the seal away and makes the file look older than any vault MSecure wrote;
        // with the witness deleted too, nothing on this device remembers the vault.
        Session.Dispose();
        TestVaults.Execute(VaultPath, "ALTER TABLE meta DROP COLUMN state; UPDATE meta SET record_set = NULL; PRAGMA user_version = 2;" + TestVaults.DropSchema4Columns);
        File.Delete(VaultPath + ".witness");

        AssertVaultTampered(() => TestVaults.Unlock(VaultPath));
        Assert.Null(TestVaults.Scalar(VaultPath, "SELECT state FROM meta;") as byte[]);
    }

    [Fact]
    public void ASchema2Vault_IsSealedAtItsFirstUnlock_AfterItsAnchorProvesItsRows_AndItsKeyIsRewrappedWithTheEmail()
    {
        MakeSchema2();
        using (VaultSession upgraded = TestVaults.Unlock(VaultPath))
        {
            Assert.Null(TestVaults.Scalar(VaultPath, "SELECT record_set FROM meta;") as byte[]);
            Assert.NotNull(TestVaults.Scalar(VaultPath, "SELECT state FROM meta;") as byte[]);
            Assert.Equal("first", upgraded.Get(First.Id).Name);
            Assert.Empty(upgraded.CheckIntegrity());
            EmergencyKit kit = upgraded.GetEmergencyKit();
            var otherEmail = new WrappedAccountKey(kit.AccountId, "mallory@example.com", kit.WrappedAccountKey.KdfParameters,
                kit.WrappedAccountKey.Salt.Span, kit.WrappedAccountKey.EnvelopeBytes.Span);
            TestValues.AssertFails(MSecureErrorCode.WrongPassword, () => otherEmail.Unwrap(TestVaults.Password));
        }

        // A schema-2 vault whose rows no longer match its anchor is refused, and not sealed.
        MakeSchema2();
        TestVaults.Execute(VaultPath, "UPDATE records SET deleted = 1 WHERE id = $id;", ("$id", TestVaults.IdBytes(Second.Id)));
        AssertVaultTampered(() => TestVaults.Unlock(VaultPath));
        Assert.Null(TestVaults.Scalar(VaultPath, "SELECT state FROM meta;") as byte[]);
    }

    /// <summary>
    /// Turns the test vault into what schema 2 wrote, as this device never saw it sealed: no state
    /// column, a record-set anchor over the legacy entries, the Account Key wrapped without the email.
    /// </summary>
    private void MakeSchema2()
    {
        Guid vaultId = Session.Info.VaultId;
        byte[] legacyAnchor = Session.Use(vault =>
            LegacyRecordSetAnchor.Seal(vault.Codec.Cipher.Keys, vaultId, 7, vault.Read(() => vault.ComputeDigest(vault.Codec.Cipher.Keys, legacy: true))));
        EmergencyKit kit = Session.GetEmergencyKit();
        byte[] legacyWrap;
        using (AccountKey accountKey = kit.Open(TestVaults.Password))
        using (SecretKey unlockKey = UnlockKeyDerivation.Derive(TestVaults.Password, kit.WrappedAccountKey.Salt.Span, kit.WrappedAccountKey.KdfParameters))
        {
            legacyWrap = Envelope.Seal(unlockKey,
                AssociatedData.ForLegacyWrappedAccountKey(kit.AccountId, kit.WrappedAccountKey.KdfParameters, kit.WrappedAccountKey.Salt.Span), accountKey.AsciiBytes);
        }

        if (TestVaults.Scalar(VaultPath, "SELECT count(*) FROM pragma_table_info('meta') WHERE name = 'state';") is 1L)
        {
            TestVaults.Execute(VaultPath, "ALTER TABLE meta DROP COLUMN state;" + TestVaults.DropSchema4Columns);
        }

        TestVaults.Execute(VaultPath, "UPDATE meta SET record_set = $a, wrapped_account_key = $w; PRAGMA user_version = 2;", ("$a", legacyAnchor), ("$w", legacyWrap));
        File.Delete(VaultPath + ".witness");
    }

    [Fact]
    public void UntouchedVaults_PassCheckIntegrity_AndAFlippedRowFailsIt()
    {
        Assert.Empty(Session.CheckIntegrity());
        TestVaults.Execute(VaultPath, "UPDATE records SET deleted = 1 WHERE id = $id;", ("$id", TestVaults.IdBytes(Second.Id)));

        IReadOnlyList<string> problems = Session.CheckIntegrity();
        Assert.Contains(problems, line => line.Contains("record-set digest", StringComparison.Ordinal));
    }

    private static void AssertVaultTampered(Func<object?> action)
    {
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.VaultTampered, action);
        Assert.DoesNotContain("pw-", error.Message, StringComparison.Ordinal);
    }

    private static void AssertVaultTampered(Action action) => AssertVaultTampered(() =>
    {
        action();
        return null;
    });
}
