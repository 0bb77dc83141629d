using System;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Storage;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Vault;

/// <summary>The record-set digest entry: AES-256 CBC-MAC of vault id ‖ record id ‖ revision ‖ deleted ‖ 0⁷.</summary>
public sealed class RecordSetHasherTests
{
    private static readonly Guid VaultId = new("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    private static readonly Guid FirstId = new("00112233-4455-6677-8899-aabbccddeeff");
    private static readonly Guid SecondId = new("ffeeddcc-bbaa-9988-7766-554433221100");

    // Computed independently (Python "cryptography", AES-256-CBC, zero IV, last block) under the
    // record-set key of AccountKeysTests.
    private const string ExpectedFirst = "dee416c9af566aa9bb9eb16504d83f9c";
    private const string ExpectedBoth = "50e68464c7a87371b507692af4e7152f";

    [Fact]
    public void Toggle_MatchesKnownAnswers()
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        using var keys = AccountKeys.Derive(accountKey, TestValues.AccountId);
        using var hasher = new RecordSetHasher(keys, VaultId);
        byte[] digest = new byte[RecordSetHasher.DigestLength];

        hasher.Toggle(digest, FirstId, 1, false);
        Assert.Equal(ExpectedFirst, Convert.ToHexStringLower(digest));
        hasher.Toggle(digest, SecondId, 7, true);
        Assert.Equal(ExpectedBoth, Convert.ToHexStringLower(digest));
        hasher.ToggleMany(digest, [new RowState(FirstId, 1, false), new RowState(SecondId, 7, true)]);
        Assert.Equal(new byte[RecordSetHasher.DigestLength], digest);
    }

    [Fact]
    public void ToggleMany_EqualsTheEntriesComputedOneByOne_AcrossChunks()
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        using var keys = AccountKeys.Derive(accountKey, TestValues.AccountId);
        using var hasher = new RecordSetHasher(keys, VaultId);
        var random = new Random(11);
        var rows = new RowState[(2 * RecordSetHasher.ChunkRows) + 5];
        byte[] expected = new byte[RecordSetHasher.DigestLength];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new RowState(Guid.NewGuid(), random.NextInt64(1, long.MaxValue), random.Next(2) == 1);
            RecordSetHasher.Xor(expected, ReferenceEntry(keys.RecordSet.Bytes, rows[i]));
        }

        byte[] batched = new byte[RecordSetHasher.DigestLength];
        hasher.ToggleMany(batched, rows);
        Assert.Equal(expected, batched);

        byte[] single = new byte[RecordSetHasher.DigestLength];
        foreach (RowState row in rows)
        {
            hasher.Toggle(single, row.Id, row.Revision, row.Deleted);
        }

        Assert.Equal(expected, single);
    }

    [Fact]
    public void Entry_DependsOnEveryField()
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        using var keys = AccountKeys.Derive(accountKey, TestValues.AccountId);
        using var hasher = new RecordSetHasher(keys, VaultId);
        using var otherVault = new RecordSetHasher(keys, SecondId);
        byte[] Entry(RecordSetHasher h, Guid id, long revision, bool deleted)
        {
            byte[] digest = new byte[RecordSetHasher.DigestLength];
            h.Toggle(digest, id, revision, deleted);
            return digest;
        }

        byte[] baseline = Entry(hasher, FirstId, 3, false);
        Assert.NotEqual(baseline, Entry(hasher, SecondId, 3, false));
        Assert.NotEqual(baseline, Entry(hasher, FirstId, 4, false));
        Assert.NotEqual(baseline, Entry(hasher, FirstId, 3, true));
        Assert.NotEqual(baseline, Entry(otherVault, FirstId, 3, false));
    }

    [Fact]
    public void Anchor_HoldsTheRevisionAndASixteenByteDigest()
    {
        Assert.Equal(16, RecordSetHasher.DigestLength);
        Assert.Equal(8 + 16, RecordSetState.PlaintextLength);
    }

    private static byte[] ReferenceEntry(ReadOnlySpan<byte> key, RowState row)
    {
        byte[] input = new byte[48];
        IdEncoding.Write(VaultId, input);
        IdEncoding.Write(row.Id, input.AsSpan(16));
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(input.AsSpan(32), row.Revision);
        input[40] = row.Deleted ? (byte)1 : (byte)0;
        using Aes aes = Aes.Create();
        aes.Key = key.ToArray();
        byte[] mac = aes.EncryptCbc(input, new byte[16], PaddingMode.None);
        return mac[^16..];
    }
}
