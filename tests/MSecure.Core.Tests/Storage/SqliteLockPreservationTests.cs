using System;
using System.Globalization;
using System.IO;
using System.Linq;
using MSecure.Core.Storage;
using MSecure.Core.Tests.TestSupport;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Storage;

/// <summary>
/// On POSIX, closing ANY descriptor of a file drops every fcntl lock the process holds on it, SQLite's
/// included; another process then takes the vault for unused, checkpoints and deletes the write-ahead
/// log this process still writes into. Whatever the engine does beside an open session, the session's
/// locks on the vault file must stay (read from /proc/locks, Linux only).
/// </summary>
public sealed class SqliteLockPreservationTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void OpeningTheVaultAgainBesideASession_KeepsTheSessionsLocks()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using VaultCreation creation = TestVaults.Create(_directory.VaultPath);
        creation.Session.Add(TestVaults.Login("one"));
        Assert.True(LocksHeldOn(_directory.VaultPath) > 0, "an open WAL-mode connection holds a shared lock on the database file");

        // What other cmdlets of the same PowerShell process do while the session stays open.
        using (VaultFile file = VaultFile.Open(_directory.VaultPath))
        {
            _ = file.Info;
            _ = file.CheckIntegrity();
        }

        using (VaultSession second = TestVaults.Unlock(_directory.VaultPath))
        {
            _ = second.Get(creation.Session.FindByName("one")!.Id);
            _ = second.GetEmergencyKit();
        }

        Assert.True(LocksHeldOn(_directory.VaultPath) > 0, "the session's locks on the database file were dropped");
        creation.Session.Add(TestVaults.Login("two"));
    }

    /// <summary>The number of POSIX locks this process holds on <paramref name="path"/>'s inode.</summary>
    private static int LocksHeldOn(string path)
    {
        ProcessResult stat = ProcessRunner.Run("stat", ["-c", "%i", path]);
        Assert.Equal(0, stat.ExitCode);
        string inode = stat.StandardOutput.Trim();
        string pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        // "1: POSIX  ADVISORY  READ 1234 08:01:5678 1073741826 1073742335": pid, then major:minor:inode.
        return File.ReadAllLines("/proc/locks")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(fields => fields.Length > 5 && fields[1] == "POSIX" && fields[4] == pid && fields[5].EndsWith(":" + inode, StringComparison.Ordinal));
    }
}
