using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using MSecure.Core.Backup;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;
using static MSecure.Core.Tests.Backup.BackupTestSupport;

namespace MSecure.Core.Tests.Backup;

/// <summary>Every change to a backup file is refused before anything is written.</summary>
public sealed class BackupTamperTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();
    private readonly VaultCreation _vault;

    public BackupTamperTests()
    {
        _vault = TestVaults.Create(_directory.VaultPath);
        RecordDraft draft = TestVaults.Login("Small", "alice", "p1");
        Core.Records.Record record = Session.Add(draft);
        draft.SetField("Password", "p2");
        Session.Update(record.Id, draft);
    }

    private VaultSession Session => _vault.Session;

    public void Dispose()
    {
        _vault.Dispose();
        _directory.Dispose();
    }

    /// <summary>A backup the vault would merge (a record it does not have), so an accepted alteration would show as a write.</summary>
    private byte[] SmallBackup()
    {
        byte[] backup = Export(Session);
        Session.Remove(Session.FindByName("Small")!.Id);
        Session.Add(TestVaults.Login("Another"));
        return backup;
    }

    [Fact]
    public void EveryByteFlipped_IsRefused_AndTheVaultUnchanged()
    {
        byte[] backup = SmallBackup();
        Assert.InRange(backup.Length, 300, 4096);
        for (int i = 0; i < backup.Length; i++)
        {
            foreach (byte mask in new byte[] { 0x01, 0x80 })
            {
                byte[] altered = (byte[])backup.Clone();
                altered[i] ^= mask;
                AssertRefusedWithoutChange(Session, altered, $"byte {i} ^ 0x{mask:x2}");
            }
        }

        // The unaltered file restores.
        Assert.Equal(1, Import(Session, backup).Restored);
    }

    [Fact]
    public void EveryTruncation_IsRefused_AndTheVaultUnchanged()
    {
        byte[] backup = SmallBackup();
        for (int length = 0; length < backup.Length; length++)
        {
            AssertRefusedWithoutChange(Session, backup[..length], $"cut at {length}");
        }
    }

    [Fact]
    public void AppendedBytes_AreRefused()
    {
        byte[] backup = SmallBackup();
        AssertRefusedWithoutChange(Session, [.. backup, 0], "one byte appended");
        AssertRefusedWithoutChange(Session, [.. backup, .. backup[128..]], "the chunks appended again");
    }

    [Fact]
    public void ChunksReordered_Dropped_OrDuplicated_AreBackupTampered()
    {
        // Two full 64 KiB chunks and a last one.
        for (int i = 0; i < 3; i++)
        {
            Session.Add(new RecordDraft { Name = "Big " + i, Template = RecordTemplate.SecureNote, Notes = new string((char)('a' + i), 60_000) });
        }

        byte[] backup = SmallBackup();
        List<byte[]> chunks = SplitChunks(backup);
        Assert.True(chunks.Count >= 3, $"{chunks.Count} chunks");
        byte[] header = backup[..128];

        AssertTampered(Join(header, chunks[1], chunks[0], chunks[2..]), "first two swapped");
        AssertTampered(Join(header, chunks[0], chunks[2..]), "second dropped");
        AssertTampered(Join(header, chunks[0], chunks[0], chunks[1..]), "first duplicated");
        AssertTampered(Join(header, chunks[0], chunks[1]), "cut at a chunk boundary");
        AssertTampered(Join(header, chunks[0], chunks[1], chunks[2..], chunks[^1]), "last repeated");
    }

    [Fact]
    public void HeaderFlips_OfAPasswordBackup_AreRefused()
    {
        byte[] backup = Export(Session, BackupSealMode.Password);
        for (int i = 0; i < 128; i++)
        {
            byte[] altered = (byte[])backup.Clone();
            altered[i] ^= 0x01;
            long before = StateRevision(Session);
            MSecureException exception = Assert.Throws<MSecureException>(() => Import(Session, altered, BackupCredentials.FromPassword(BackupPassword)));
            Assert.True(exception.Code is MSecureErrorCode.BackupTampered or MSecureErrorCode.BackupKeyWrong or MSecureErrorCode.BackupInvalid, $"byte {i}: {exception.Code}");
            Assert.Equal(before, StateRevision(Session));
        }
    }

    private void AssertTampered(byte[] altered, string what)
    {
        long before = StateRevision(Session);
        MSecureException exception = Assert.Throws<MSecureException>(() => Import(Session, altered));
        Assert.True(exception.Code == MSecureErrorCode.BackupTampered, $"{what}: {exception.Code}");
        Assert.Equal(before, StateRevision(Session));
    }

    private static List<byte[]> SplitChunks(byte[] backup)
    {
        var chunks = new List<byte[]>();
        int at = 128;
        while (at < backup.Length)
        {
            int length = 4 + (int)BinaryPrimitives.ReadUInt32BigEndian(backup.AsSpan(at)) + 16;
            chunks.Add(backup[at..(at + length)]);
            at += length;
        }

        return chunks;
    }

    private static byte[] Join(byte[] header, params object[] parts)
    {
        var all = new List<byte>(header);
        foreach (object part in parts)
        {
            if (part is byte[] one)
            {
                all.AddRange(one);
            }
            else
            {
                foreach (byte[] chunk in (List<byte[]>)part)
                {
                    all.AddRange(chunk);
                }
            }
        }

        return [.. all];
    }
}
