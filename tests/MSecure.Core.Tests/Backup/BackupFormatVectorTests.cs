using System;
using System.IO;
using System.Text;
using MSecure.Core.Backup;
using MSecure.Core.Cryptography;
using Xunit;

namespace MSecure.Core.Tests.Backup;

/// <summary>
/// Known answers computed independently (Python: hmac/hashlib HKDF, cryptography's AESGCM) from the
/// byte format in docs/ARCHITECTURE.md section 19.4: the Account-Key backup key, the file keys,
/// the key check and one sealed chunk. Changing any of them would make existing backups unreadable.
/// </summary>
public sealed class BackupFormatVectorTests
{
    private const string Header =
        "4d534543424b55500001020000112233445566778899aabbccddeeff00000000000000000000000000000000000000000000000000000000000000000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2000010000b8c5aaacca16644b1112828972ce4deb801081a9aa6581c74dcffcb7a397167b";

    [Fact]
    public void AccountBackupKey_FileKeys_KeyCheck_AndAChunk_MatchTheIndependentComputation()
    {
        using AccountKey accountKey = TestValues.FixedAccountKey();
        using AccountKeys keys = AccountKeys.Derive(accountKey, TestValues.AccountId);
        using SecretKey master = BackupKeys.AccountBackupKey(keys);
        Assert.Equal("699d974a8a1bd516fbc66b600e8d4a0b1ed8ac52fbdb661222cf71ea0c67ead0", Convert.ToHexStringLower(master.Bytes));

        byte[] headerBytes = Convert.FromHexString(Header);
        BackupHeader header = BackupHeader.Parse(headerBytes, "vector");
        Assert.Equal(BackupSealMode.AccountKey, header.Mode);
        Assert.Equal(TestValues.AccountId, header.AccountId);
        Assert.Equal(65_536, header.ChunkSize);

        using BackupKeys fileKeys = BackupKeys.Derive(master, header);
        Assert.Equal("b8c5aaacca16644b1112828972ce4deb801081a9aa6581c74dcffcb7a397167b", Convert.ToHexStringLower(fileKeys.KeyCheckOf(header)));
        Assert.True(fileKeys.Opens(header));

        // Chunk 0, the last: length 12, then AES-256-GCM of "hello backup" under the chunk key.
        byte[] chunk = Convert.FromHexString("0000000c" + "10645bf67a50b3698541b7aa3846954fb62fe21c74294f47766924d0");
        using var reader = new BackupChunkReader(new MemoryStream(chunk), header, fileKeys, "vector");
        byte[] plaintext = new byte[12];
        reader.ReadExactly(plaintext);
        Assert.Equal("hello backup", Encoding.ASCII.GetString(plaintext));
        Assert.True(reader.AtEnd);

        // The writer produces the same bytes (the nonce is the counter: deterministic per file key).
        using var output = new MemoryStream();
        using (var writer = new BackupChunkWriter(output, header, fileKeys))
        {
            writer.Write("hello backup"u8);
            writer.Complete();
        }

        Assert.Equal(chunk, output.ToArray());
    }
}
