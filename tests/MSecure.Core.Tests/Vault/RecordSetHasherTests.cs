using System;
using System.Linq;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Storage;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Vault;

/// <summary>
/// The record-set digest entry: AES-256 CBC-MAC of vault id ‖ record id ‖ revision ‖ deleted ‖ 0⁷ ‖
/// name index (32 bytes, zero for a tombstone); schema 2's legacy entry stops before the name index.
/// </summary>
public sealed class RecordSetHasherTests
{
    private static readonly Guid VaultId = new("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    private static readonly Guid FirstId = new("00112233-4455-6677-8899-aabbccddeeff");
    private static readonly Guid SecondId = new("ffeeddcc-bbaa-9988-7766-554433221100");

    /// <summary>The name index of the first row in the vectors: bytes 0x00 to 0x1f.</summary>
    private static readonly byte[] FirstNameIndex = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    // Computed independently (Python "cryptography", AES-256-CBC, zero IV, last block) under the
    // record-set key of AccountKeysTests: (first, revision 1, live, name index 00..1f), then
    // (second, revision 7, removed, no name index).
    private const string ExpectedFirst = "250eead09c6c2b6ab7ec6de40a230ba3";
    private const string ExpectedBoth = "fc6d422eee5da23e6d056ffb840665d4";

    // The same rows as schema 2 hashed them (no name index): the vectors of that version, unchanged.
    private const string LegacyExpectedFirst = "dee416c9af566aa9bb9eb16504d83f9c";
    private const string LegacyExpectedBoth = "50e68464c7a87371b507692af4e7152f";

    private static RowState First => new(FirstId, 1, false, NameIndexBlocks.From(FirstNameIndex));

    private static RowState Second => new(SecondId, 7, true, default);

    [Theory]
    [InlineData(false, ExpectedFirst, ExpectedBoth)]
    [InlineData(true, LegacyExpectedFirst, LegacyExpectedBoth)]
    public void Toggle_MatchesKnownAnswers(bool legacy, string expectedFirst, string expectedBoth)
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        using var keys = AccountKeys.Derive(accountKey, TestValues.AccountId);
        using var hasher = new RecordSetHasher(keys, VaultId, legacy);
        byte[] digest = new byte[RecordSetHasher.DigestLength];

        hasher.Toggle(digest, First);
        Assert.Equal(expectedFirst, Convert.ToHexStringLower(digest));
        hasher.Toggle(digest, Second);
        Assert.Equal(expectedBoth, Convert.ToHexStringLower(digest));
        hasher.ToggleMany(digest, [First, Second]);
        Assert.Equal(new byte[RecordSetHasher.DigestLength], digest);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ToggleMany_EqualsTheEntriesComputedOneByOne_AcrossChunks(bool legacy)
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        using var keys = AccountKeys.Derive(accountKey, TestValues.AccountId);
        using var hasher = new RecordSetHasher(keys, VaultId, legacy);
        var random = new Random(11);
        var rows = new RowState[(2 * RecordSetHasher.ChunkRows) + 5];
        byte[] expected = new byte[RecordSetHasher.DigestLength];
        for (int i = 0; i < rows.Length; i++)
        {
            bool deleted = random.Next(2) == 1;
            byte[] nameIndex = deleted ? [] : random.GetItems(FirstNameIndex, 32);
            rows[i] = new RowState(Guid.NewGuid(), random.NextInt64(1, long.MaxValue), deleted, NameIndexBlocks.From(nameIndex));
            RecordSetHasher.Xor(expected, ReferenceEntry(keys.RecordSet.Bytes, rows[i], nameIndex, legacy));
        }

        byte[] batched = new byte[RecordSetHasher.DigestLength];
        hasher.ToggleMany(batched, rows);
        Assert.Equal(expected, batched);

        byte[] single = new byte[RecordSetHasher.DigestLength];
        foreach (RowState row in rows)
        {
            hasher.Toggle(single, row);
        }

        Assert.Equal(expected, single);
    }

    [Fact]
    public void Entry_DependsOnEveryField_TheNameIndexIncluded()
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        using var keys = AccountKeys.Derive(accountKey, TestValues.AccountId);
        using var hasher = new RecordSetHasher(keys, VaultId);
        using var otherVault = new RecordSetHasher(keys, SecondId);
        byte[] Entry(RecordSetHasher h, RowState row)
        {
            byte[] digest = new byte[RecordSetHasher.DigestLength];
            h.Toggle(digest, row);
            return digest;
        }

        byte[] otherIndex = (byte[])FirstNameIndex.Clone();
        otherIndex[31] ^= 1;
        RowState baseline = new(FirstId, 3, false, NameIndexBlocks.From(FirstNameIndex));
        byte[] entry = Entry(hasher, baseline);
        Assert.NotEqual(entry, Entry(hasher, baseline with { Id = SecondId }));
        Assert.NotEqual(entry, Entry(hasher, baseline with { Revision = 4 }));
        Assert.NotEqual(entry, Entry(hasher, baseline with { Deleted = true }));
        Assert.NotEqual(entry, Entry(hasher, baseline with { NameIndex = NameIndexBlocks.From(otherIndex) }));
        Assert.NotEqual(entry, Entry(hasher, baseline with { NameIndex = default }));
        Assert.NotEqual(entry, Entry(otherVault, baseline));
    }

    [Fact]
    public void AStoredNameIndexOfAnotherLength_HashesAsNoHonestRowDoes()
    {
        Assert.Equal(NameIndexBlocks.Malformed, NameIndexBlocks.From(new byte[31]));
        Assert.Equal(NameIndexBlocks.Malformed, NameIndexBlocks.From(new byte[33]));
        Assert.Equal(default, NameIndexBlocks.From([]));
        Assert.NotEqual(NameIndexBlocks.Malformed, NameIndexBlocks.From(Enumerable.Repeat((byte)0xFF, 31).Append((byte)0xFE).ToArray()));
    }

    private static byte[] ReferenceEntry(ReadOnlySpan<byte> key, RowState row, byte[] nameIndex, bool legacy)
    {
        byte[] input = new byte[legacy ? 48 : 80];
        IdEncoding.Write(VaultId, input);
        IdEncoding.Write(row.Id, input.AsSpan(16));
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(32), row.Revision);
        input[40] = row.Deleted ? (byte)1 : (byte)0;
        if (!legacy)
        {
            nameIndex.CopyTo(input, 48);
        }

        using Aes aes = Aes.Create();
        aes.Key = key.ToArray();
        byte[] mac = aes.EncryptCbc(input, new byte[16], PaddingMode.None);
        return mac[^16..];
    }
}
