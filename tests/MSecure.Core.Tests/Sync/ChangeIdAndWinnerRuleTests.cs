using System;
using MSecure.Core.Sync;
using Xunit;

namespace MSecure.Core.Tests.Sync;

public sealed class ChangeIdAndWinnerRuleTests
{
    private static readonly Guid Low = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid High = Guid.Parse("ff000000-0000-0000-0000-000000000000");

    // Known answers computed independently with Python's hashlib:
    // sha256(b"msecure/v1/legacy-change" + uuid.bytes + struct.pack(">q", revision))[:16] as a big-endian UUID.
    [Theory]
    [InlineData(1, "4adda5ee-5044-800c-4e97-aa0e1d5ca092")]
    [InlineData(2, "b6021032-24d9-ead4-ba94-d477d3237da8")]
    public void Legacy_change_ids_are_the_documented_hash(long revision, string expected)
    {
        Assert.Equal(Guid.Parse(expected), LegacyChangeIds.Of(Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"), revision));
    }

    [Fact]
    public void Legacy_metadata_chains_each_revision_to_the_one_before()
    {
        var id = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
        Assert.Null(LegacyChangeIds.Metadata(id, 1).Parent);
        Assert.Equal(LegacyChangeIds.Of(id, 1), LegacyChangeIds.Metadata(id, 2).Parent);
        Assert.Equal(Guid.Empty, LegacyChangeIds.Metadata(id, 2).Author);
    }

    [Fact]
    public void Rename_change_ids_are_the_documented_hash()
    {
        // sha256(b"msecure/v1/rename-change" + parent.bytes)[:16]
        Assert.Equal(Guid.Parse("0727e640-fc53-77f8-db70-696b6a243971"), NameCollisions.RenameChangeId(Guid.Parse("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")));
    }

    [Fact]
    public void A_live_version_beats_a_tombstone_even_an_older_one()
    {
        var live = new WinnerRule.Candidate(false, 1, Low, Low);
        var tombstone = new WinnerRule.Candidate(true, 99, High, High);
        Assert.True(WinnerRule.FirstWins(live, tombstone));
        Assert.False(WinnerRule.FirstWins(tombstone, live));
    }

    [Fact]
    public void The_later_modification_wins_then_the_greater_author_then_the_greater_change()
    {
        Assert.True(WinnerRule.FirstWins(new(false, 2, Low, Low), new(false, 1, High, High)));
        Assert.True(WinnerRule.FirstWins(new(false, 1, High, Low), new(false, 1, Low, High)));
        Assert.True(WinnerRule.FirstWins(new(false, 1, Low, High), new(false, 1, Low, Low)));
        Assert.False(WinnerRule.FirstWins(new(false, 1, Low, Low), new(false, 1, Low, High)));
    }

    [Fact]
    public void Ids_are_compared_by_their_big_endian_bytes_not_by_Guid_CompareTo()
    {
        // Guid.CompareTo orders by its first int field's value; the byte order here is the text order.
        var a = Guid.Parse("00000001-0000-0000-0000-000000000000");
        var b = Guid.Parse("00000000-0001-0000-0000-000000000000");
        Assert.True(IdOrder.Compare(a, b) > 0);
        Assert.True(IdOrder.Compare(Guid.Parse("00000000-0000-0000-0000-0000000000ff"), Guid.Parse("00000000-0000-0000-0000-000000000001")) > 0);
        Assert.Equal(0, IdOrder.Compare(a, a));
    }
}
