using System;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using Xunit;
using Record = MSecure.Core.Records.Record;

namespace MSecure.Core.Tests.Vault;

/// <summary>Changes made to the file behind the engine's back must end in RecordTampered, naming the record.</summary>
public sealed class TamperTests : TwoRecordVaultTestBase
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(-1)]
    public void AFlippedByteInTheRecordEnvelope_IsRecordTampered(int position)
    {
        FlipByte("content", First.Id, position);

        AssertTampered(First.Id, () => Session.Get(First.Id));
        AssertTampered(First.Id, () => Session.FindByName("first"));
        AssertTampered(First.Id, () => Session.Update(First.Id, TestVaults.Login("first")));
        AssertTampered(First.Id, () => Session.Remove(First.Id));
        AssertTampered(First.Id, () => Session.Search(new RecordQuery { Text = "one" }));
        Assert.Equal("second", Session.Get(Second.Id).Name);
    }

    [Fact]
    public void AFlippedByteInTheSummaryEnvelope_IsRecordTampered_InSearch()
    {
        FlipByte("summary", Second.Id, 30);

        AssertTampered(Second.Id, () => Session.Search(new RecordQuery { NamePattern = "*" }));
        Assert.Equal("second", Session.Get(Second.Id).Name);
    }

    [Fact]
    public void ATruncatedEnvelope_IsRecordTampered()
    {
        TestVaults.SetContent(VaultPath, First.Id, [0x01, 0x02]);

        AssertTampered(First.Id, () => Session.Get(First.Id));
    }

    [Fact]
    public void ARowMovedToAnotherRecordId_IsRecordTampered()
    {
        // Give the first record's row the second record's envelopes.
        TestVaults.SetContent(VaultPath, First.Id, TestVaults.ContentOf(VaultPath, Second.Id));
        TestVaults.Execute(VaultPath, "UPDATE records SET summary = (SELECT summary FROM records WHERE id = $b) WHERE id = $a;",
            ("$a", TestVaults.IdBytes(First.Id)), ("$b", TestVaults.IdBytes(Second.Id)));

        AssertTampered(First.Id, () => Session.Get(First.Id));
        AssertTampered(First.Id, () => Session.Search(new RecordQuery()));
    }

    [Fact]
    public void ASummaryPassedOffAsTheRecord_IsRecordTampered()
    {
        TestVaults.SetContent(VaultPath, First.Id, (byte[])TestVaults.Scalar(VaultPath, "SELECT summary FROM records WHERE id = $id;", ("$id", TestVaults.IdBytes(First.Id)))!);

        AssertTampered(First.Id, () => Session.Get(First.Id));
    }

    [Fact]
    public void ARevisionNumberRolledBack_IsRecordTampered()
    {
        Session.Update(First.Id, TestVaults.Login("first", "one", "pw-changed"));
        TestVaults.Execute(VaultPath, "UPDATE records SET revision = 1 WHERE id = $id;", ("$id", TestVaults.IdBytes(First.Id)));

        AssertTampered(First.Id, () => Session.Get(First.Id));
        AssertTampered(First.Id, () => Session.Search(new RecordQuery()));
    }

    [Fact]
    public void AWholeRowRestoredFromAnOlderCopy_IsRecordTampered()
    {
        byte[] id = TestVaults.IdBytes(First.Id);
        byte[] oldContent = TestVaults.ContentOf(VaultPath, First.Id);
        var oldSummary = (byte[])TestVaults.Scalar(VaultPath, "SELECT summary FROM records WHERE id = $id;", ("$id", id))!;
        Session.Update(First.Id, TestVaults.Login("first", "one", "pw-changed"));

        // The old row authenticates on its own (its envelopes were sealed for revision 1) ...
        TestVaults.Execute(VaultPath, "UPDATE records SET revision = 1, summary = $s WHERE id = $id;", ("$s", oldSummary), ("$id", id));
        TestVaults.SetContent(VaultPath, First.Id, oldContent);

        // ... but not against the record's own history, which already holds revision 1.
        AssertTampered(First.Id, () => Session.Get(First.Id));
        AssertTampered(First.Id, () => Session.FindByName("first"));
        AssertTampered(First.Id, () => Session.Update(First.Id, TestVaults.Login("first")));
    }

    [Fact]
    public void AHistoryEntryMovedToTheCurrentRow_IsRecordTampered()
    {
        Session.Update(First.Id, TestVaults.Login("first", "one", "pw-changed"));
        byte[] id = TestVaults.IdBytes(First.Id);
        TestVaults.SetContent(VaultPath, First.Id, (byte[])TestVaults.Scalar(VaultPath, "SELECT content FROM record_history WHERE record_id = $id;", ("$id", id))!);
        TestVaults.Execute(VaultPath, "UPDATE records SET revision = 1 WHERE id = $id;", ("$id", id));
        TestVaults.Execute(VaultPath, "DELETE FROM record_history WHERE record_id = $id;", ("$id", id));

        AssertTampered(First.Id, () => Session.Get(First.Id));
    }

    [Fact]
    public void AFlippedByteInHistory_IsRecordTampered()
    {
        Session.Update(First.Id, TestVaults.Login("first", "one", "pw-changed"));
        TestVaults.Execute(VaultPath, "UPDATE record_history SET content = $c WHERE record_id = $id;",
            ("$c", Flipped((byte[])TestVaults.Scalar(VaultPath, "SELECT content FROM record_history WHERE record_id = $id;", ("$id", TestVaults.IdBytes(First.Id)))!, 40)),
            ("$id", TestVaults.IdBytes(First.Id)));

        AssertTampered(First.Id, () => Session.GetHistory(First.Id));
        Assert.Equal("pw-changed", Session.Get(First.Id).GetField("Password")!.Value);
    }

    [Fact]
    public void SwappedNameIndexes_AreCaughtByFindByName()
    {
        byte[] a = TestVaults.IdBytes(First.Id), b = TestVaults.IdBytes(Second.Id);
        var indexA = (byte[])TestVaults.Scalar(VaultPath, "SELECT name_index FROM records WHERE id = $id;", ("$id", a))!;
        var indexB = (byte[])TestVaults.Scalar(VaultPath, "SELECT name_index FROM records WHERE id = $id;", ("$id", b))!;
        TestVaults.Execute(VaultPath, "UPDATE records SET name_index = NULL WHERE id = $id;", ("$id", a));
        TestVaults.Execute(VaultPath, "UPDATE records SET name_index = $n WHERE id = $id;", ("$n", indexA), ("$id", b));
        TestVaults.Execute(VaultPath, "UPDATE records SET name_index = $n WHERE id = $id;", ("$n", indexB), ("$id", a));

        AssertTampered(Second.Id, () => Session.FindByName("first"));
    }

    [Fact]
    public void ATamperedTombstone_IsRecordTampered()
    {
        Session.Remove(Second.Id);
        FlipByte("content", Second.Id, 20);

        AssertTampered(Second.Id, () => Session.GetHistory(Second.Id));
        AssertTampered(Second.Id, () => Session.RotateAccountKey(TestVaults.Password));
    }

    private static void AssertTampered(Guid id, Func<object?> action)
    {
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.RecordTampered, action);
        Assert.Contains(id.ToString(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-", error.Message, StringComparison.Ordinal);
    }

    private static void AssertTampered(Guid id, Action action) => AssertTampered(id, () =>
    {
        action();
        return null;
    });

    private void FlipByte(string column, Guid id, int position)
    {
        byte[] idBytes = TestVaults.IdBytes(id);
        if (column == "content")
        {
            byte[] content = TestVaults.ContentOf(VaultPath, id);
            TestVaults.SetContent(VaultPath, id, Flipped(content, position < 0 ? content.Length + position : position));
            return;
        }

        var envelope = (byte[])TestVaults.Scalar(VaultPath, $"SELECT {column} FROM records WHERE id = $id;", ("$id", idBytes))!;
        TestVaults.Execute(VaultPath, $"UPDATE records SET {column} = $value WHERE id = $id;",
            ("$value", Flipped(envelope, position < 0 ? envelope.Length + position : position)), ("$id", idBytes));
    }

    private static byte[] Flipped(byte[] bytes, int position)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[position] ^= 0x01;
        return copy;
    }
}
