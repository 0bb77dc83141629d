using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Storage;
using MSecure.Core.Tests.Vault;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Storage;

public sealed class SchemaMigrationTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void TheMigrations_AreConsecutiveFromOne()
    {
        Assert.Equal(Enumerable.Range(1, VaultSchema.CurrentVersion), VaultSchema.Migrations.Select(m => m.Version));
    }

    [Fact]
    public void Open_BringsAnOlderVaultForward_OnceAndInOrder()
    {
        TestVaults.Create(_directory.VaultPath).Dispose();
        int next = VaultSchema.CurrentVersion + 1;
        List<SchemaMigration> future =
        [
            .. VaultSchema.Migrations,
            new(next, "test: a table", "CREATE TABLE future_two (x INTEGER); INSERT INTO future_two VALUES (2);"),
            new(next + 1, "test: depends on the step before", "CREATE TABLE future_three AS SELECT x + 1 AS x FROM future_two;"),
        ];

        using (VaultDatabase database = VaultDatabase.Open(_directory.VaultPath, future, VaultDatabase.DefaultBusyTimeout))
        {
            Assert.Equal(next + 1, database.ReadSchemaVersion());
        }

        using (VaultDatabase again = VaultDatabase.Open(_directory.VaultPath, future, VaultDatabase.DefaultBusyTimeout))
        {
            Assert.Equal(next + 1, again.ReadSchemaVersion());
        }

        Assert.Equal(3L, TestVaults.Scalar(_directory.VaultPath, "SELECT x FROM future_three;"));
        Assert.Equal(1L, TestVaults.Scalar(_directory.VaultPath, "SELECT count(*) FROM future_two;"));

        // This build only knows the current version: the migrated file is now too new for it.
        TestValues.AssertFails(MSecureErrorCode.VaultSchemaTooNew, () => VaultFile.Open(_directory.VaultPath));
    }

    [Fact]
    public void AFailingMigration_LeavesTheVaultAtItsVersion()
    {
        TestVaults.Create(_directory.VaultPath).Dispose();
        List<SchemaMigration> broken =
        [
            .. VaultSchema.Migrations,
            new(VaultSchema.CurrentVersion + 1, "test: fails halfway", "CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;"),
        ];

        TestValues.AssertFails(MSecureErrorCode.VaultCorrupted, () => VaultDatabase.Open(_directory.VaultPath, broken, VaultDatabase.DefaultBusyTimeout));

        Assert.Equal((long)VaultSchema.CurrentVersion, TestVaults.Scalar(_directory.VaultPath, "PRAGMA user_version;"));
        Assert.Equal(0L, TestVaults.Scalar(_directory.VaultPath, "SELECT count(*) FROM sqlite_master WHERE name = 'half';"));
        using VaultFile file = VaultFile.Open(_directory.VaultPath);
        Assert.Equal(VaultSchema.CurrentVersion, file.Info.SchemaVersion);
    }
}
