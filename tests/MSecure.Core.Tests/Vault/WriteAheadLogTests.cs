using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Records;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Vault;

/// <summary>
/// A write-ahead log left behind by a process that died with a session open holds the newest
/// commits; one damaged byte in it makes SQLite replay only the frames before it, silently going
/// back to an older commit. Locking folds the log back into the file, and the revision witness turns
/// an older state into VaultRolledBack.
/// </summary>
public sealed class WriteAheadLogTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly VaultTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string LogPath => _directory.VaultPath + "-wal";

    [Fact]
    public void Locking_FoldsTheLogIntoTheFile_EvenWhileAnotherSessionIsOpen()
    {
        TestVaults.Create(_directory.VaultPath).Dispose();
        using VaultSession other = TestVaults.Unlock(_directory.VaultPath);
        VaultSession writer = TestVaults.Unlock(_directory.VaultPath);
        writer.Add(TestVaults.Login("one"));
        Assert.True(new FileInfo(LogPath).Length > 0);

        writer.Dispose();

        Assert.Equal(0, new FileInfo(LogPath).Length);
        Assert.Equal("one", other.FindByName("one")!.Name);
    }

    [Fact]
    public void AFlippedByteInTheLogOfAKilledProcess_IsVaultRolledBack_NotOlderData()
    {
        TestVaults.Create(_directory.VaultPath).Dispose();
        List<Guid> reported = AddInAProcessThenKillIt(30);
        long logLength = new FileInfo(LogPath).Length;
        Assert.True(logLength > 10 * 4096, $"the killed process left its commits in the log ({logLength} bytes)");

        // Damage the third frame's page: SQLite replays the frames before it only.
        const int HeaderLength = 32, FrameHeaderLength = 24, PageSize = 4096;
        FlipByte(LogPath, HeaderLength + (2 * (FrameHeaderLength + PageSize)) + FrameHeaderLength + 200);

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.VaultRolledBack, () => TestVaults.Unlock(_directory.VaultPath));
        Assert.Contains("older state", error.Message, StringComparison.Ordinal);

        // What the refusal protected against: accepted on purpose, the file is an older vault.
        using VaultFile file = VaultFile.Open(_directory.VaultPath);
        using VaultSession accepted = file.Unlock(TestVaults.Password, acceptRollback: true);
        int left = accepted.Search(new RecordQuery()).Count;
        Assert.True(left < reported.Count, $"{left} records after the rollback, {reported.Count} reported, revision {accepted.Verify().Revision}, log {logLength} bytes");
        Assert.Empty(accepted.CheckIntegrity());
    }

    [Fact]
    public void TheLogOfAKilledProcess_Undamaged_KeepsEveryReportedWrite()
    {
        TestVaults.Create(_directory.VaultPath).Dispose();
        List<Guid> reported = AddInAProcessThenKillIt(30);

        using VaultSession session = TestVaults.Unlock(_directory.VaultPath);
        HashSet<Guid> all = session.Search(new RecordQuery()).Select(summary => summary.Id).ToHashSet();
        Assert.All(reported, id => Assert.Contains(id, all));
        Assert.Empty(session.CheckIntegrity());
    }

    private List<Guid> AddInAProcessThenKillIt(int count)
    {
        var reported = new List<Guid>();
        using VaultWorkerProcess worker = VaultWorkerProcess.Start(_directory.VaultPath, count, "logged", holdWhenDone: true);
        Assert.Equal("ready", worker.ReadLine(Patience));
        while (reported.Count < count)
        {
            reported.Add(Guid.Parse(worker.ReadLine(Patience) ?? throw new InvalidOperationException("The worker stopped early: " + worker.Errors)));
        }

        Assert.Equal("done", worker.ReadLine(Patience));
        worker.Kill();
        worker.WaitForExit(Patience);
        return reported;
    }

    /// <summary>Flips one byte of a file no connection of this process has open.</summary>
    private static void FlipByte(string path, long offset)
    {
        byte[] bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x5A;
        File.WriteAllBytes(path, bytes);
    }
}
