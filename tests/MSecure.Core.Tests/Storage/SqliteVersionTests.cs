using System;
using MSecure.Core.Storage;
using MSecure.Core.Tests.Vault;
using Xunit;

namespace MSecure.Core.Tests.Storage;

public sealed class SqliteVersionTests : IDisposable
{
    // SQLitePCLRaw.bundle_e_sqlite3 3.0.5 bundles SQLite 3.53.4 (its dependency, the package named
    // SQLite). Raise this with every upgrade, so that a downgrade (or a system libsqlite3 loaded
    // instead of the bundled one) fails here.
    private static readonly Version Minimum = new(3, 53, 4);

    private readonly VaultTestDirectory _directory = new();

    public SqliteVersionTests() => TestVaults.Create(_directory.VaultPath).Dispose();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void TheVaultEngine_RunsTheBundledSqlite_AtLeastTheVersionItWasUpgradedTo()
    {
        using VaultDatabase database = VaultDatabase.Open(_directory.VaultPath);

        string version = (string)database.Command("SELECT sqlite_version();").ExecuteScalar()!;

        Assert.True(Version.Parse(version) >= Minimum, $"SQLite {version} is older than {Minimum}.");
    }
}
