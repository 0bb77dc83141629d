using System;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using MSecure.Core.Errors;
using MSecure.Core.Storage;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Storage;

public sealed class VaultDatabaseTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();

    public VaultDatabaseTests() => TestVaults.Create(_directory.VaultPath).Dispose();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void AWriteLockHeldTooLong_IsVaultBusy_AndReadsGoOn()
    {
        using SqliteConnection holder = TestVaults.OpenRaw(_directory.VaultPath);
        using SqliteTransaction held = holder.BeginTransaction(deferred: false);
        using VaultDatabase database = VaultDatabase.Open(_directory.VaultPath, VaultSchema.Migrations, TimeSpan.FromMilliseconds(300));

        // WAL: readers are never blocked by the writer.
        Assert.Equal(0, database.Read(() => RecordStore.CountLive(database)));

        var clock = Stopwatch.StartNew();
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.VaultBusy, () => database.Write(() => 0));
        Assert.Contains(_directory.VaultPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(MSecureErrorCategory.ResourceUnavailable, error.Category);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));

        held.Rollback();
        Assert.Equal(1, database.Write(() => 1));
    }

    [Fact]
    public void AFailedWrite_RollsBackEverything()
    {
        using VaultDatabase database = VaultDatabase.Open(_directory.VaultPath);

        Assert.Throws<InvalidOperationException>(() => database.Write(() =>
        {
            MetaStore.UpdateVerifierAndAdvanceEpoch(database, [1, 2, 3]);
            throw new InvalidOperationException("stop");
        }));

        Assert.Equal(1L, TestVaults.Scalar(_directory.VaultPath, "SELECT key_epoch FROM meta;"));
        using VaultSession session = TestVaults.Unlock(_directory.VaultPath);
    }

    [Fact]
    public void ForeignKeys_AreEnforced()
    {
        using VaultDatabase database = VaultDatabase.Open(_directory.VaultPath);

        // A row that breaks the schema's constraints escapes no transaction raw: VaultCorrupted, SQLite's error inside.
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.VaultCorrupted, () => database.Write(() => HistoryStore.Insert(database, Guid.NewGuid(), 1, [1])));

        Assert.Equal(19, Assert.IsType<SqliteException>(error.InnerException).SqliteErrorCode);
    }

    [Fact]
    public void Connections_UseWalFullSyncAndABusyTimeout()
    {
        using VaultDatabase database = VaultDatabase.Open(_directory.VaultPath);

        Assert.Equal("wal", Pragma(database, "journal_mode"));
        Assert.Equal(2L, Pragma(database, "synchronous"));
        Assert.Equal(1L, Pragma(database, "foreign_keys"));
        Assert.Equal(10_000L, Pragma(database, "busy_timeout"));
        Assert.Empty(database.CheckIntegrity());
    }

    private static object? Pragma(VaultDatabase database, string name)
    {
        using SqliteCommand command = database.Connection.CreateCommand();
        command.CommandText = "PRAGMA " + name + ";";
        return command.ExecuteScalar();
    }
}
