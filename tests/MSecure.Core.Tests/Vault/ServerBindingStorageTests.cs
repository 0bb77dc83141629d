using System;
using MSecure.Core.Accounts;
using MSecure.Core.Errors;
using MSecure.Core.Storage;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Vault;

/// <summary>The account server binding (schema 4): stored, migrated from older vaults, and covered by the sealed state's metadata hash.</summary>
public sealed class ServerBindingStorageTests : IDisposable
{
    private static readonly ServerBinding Binding =
        new(new Uri("https://vault.example.com:8443/"), new string('A', 64), new Guid("0a0b0c0d-0000-0000-0000-000000000001"), "laptop");

    private readonly VaultTestDirectory _directory = new();

    private string VaultPath => _directory.VaultPath;

    [Fact]
    public void ANewVaultHasNoServer_ABindingIsStoredAndReadBack()
    {
        using (VaultCreation creation = TestVaults.Create(VaultPath))
        {
            Assert.Null(creation.Session.Info.Server);
            Bind(creation.Session, Binding);
            Assert.Equal(Binding, creation.Session.Info.Server);
        }

        using VaultSession session = TestVaults.Unlock(VaultPath);
        Assert.Equal(Binding, session.Info.Server);
        Assert.Empty(session.CheckIntegrity());
    }

    [Theory]
    [InlineData("UPDATE meta SET server_uri = 'https://evil.example/';")]
    [InlineData("UPDATE meta SET server_fingerprint = NULL;")]
    [InlineData("UPDATE meta SET server_fingerprint = 'BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';")]
    [InlineData("UPDATE meta SET device_id = x'0a0b0c0d000000000000000000000002';")]
    [InlineData("UPDATE meta SET device_name = 'desktop';")]
    [InlineData("UPDATE meta SET server_uri = NULL, server_fingerprint = NULL, device_id = NULL, device_name = NULL;")]
    public void AChangedOrRemovedBinding_IsVaultTampered(string sql)
    {
        using (VaultCreation creation = TestVaults.Create(VaultPath))
        {
            Bind(creation.Session, Binding);
        }

        TestVaults.Execute(VaultPath, sql);

        TestValues.AssertFails(MSecureErrorCode.VaultTampered, () => TestVaults.Unlock(VaultPath));
    }

    [Fact]
    public void ABindingAddedToAnUnboundVaultBySql_IsVaultTampered()
    {
        using (VaultCreation creation = TestVaults.Create(VaultPath))
        {
            creation.Session.Add(TestVaults.Login("first"));
        }

        TestVaults.Execute(VaultPath, "UPDATE meta SET server_uri = 'https://evil.example/', device_id = $d, device_name = 'x';",
            ("$d", TestVaults.IdBytes(Guid.NewGuid())));

        TestValues.AssertFails(MSecureErrorCode.VaultTampered, () => TestVaults.Unlock(VaultPath));
    }

    [Fact]
    public void AHalfStoredBinding_IsVaultCorrupted()
    {
        using (VaultCreation creation = TestVaults.Create(VaultPath))
        {
            Bind(creation.Session, Binding);
        }

        TestVaults.Execute(VaultPath, "UPDATE meta SET device_id = NULL;");

        TestValues.AssertFails(MSecureErrorCode.VaultCorrupted, () => TestVaults.Unlock(VaultPath));
    }

    [Fact]
    public void ASchema3Vault_MigratesToSchema4_UnlocksAndCanBeBound()
    {
        using (VaultCreation creation = TestVaults.Create(VaultPath))
        {
            creation.Session.Add(TestVaults.Login("first"));
        }

        TestVaults.Execute(VaultPath, TestVaults.DropSchema4Columns + " PRAGMA user_version = 3;");

        using VaultSession session = TestVaults.Unlock(VaultPath);
        Assert.Equal(MSecure.Core.Storage.VaultSchema.CurrentVersion, session.Info.SchemaVersion);
        Assert.Null(session.Info.Server);
        Assert.Equal("first", session.FindByName("first")!.Name);
        Bind(session, Binding);
        Assert.Equal(Binding, session.Info.Server);
    }

    public void Dispose() => _directory.Dispose();

    private static void Bind(VaultSession session, ServerBinding binding) => session.Use(vault => vault.WriteMetadata(() =>
    {
        MetaStore.UpdateServer(vault.Database, binding);
        return 0;
    }));
}
