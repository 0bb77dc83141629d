using System;
using System.IO;
using MSecure.Core.Errors;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Core.Tests.Vault;

[Collection(VaultDirectoryVariableTests.Name)]
public sealed class VaultLocationsTests : IDisposable
{
    private readonly VaultTestDirectory _directory = new();
    private readonly string? _previous = Environment.GetEnvironmentVariable(VaultLocations.DirectoryVariable);

    public VaultLocationsTests() => Environment.SetEnvironmentVariable(VaultLocations.DirectoryVariable, _directory.Path);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(VaultLocations.DirectoryVariable, _previous);
        _directory.Dispose();
    }

    [Fact]
    public void TheVariable_OverridesTheDefaultDirectory()
    {
        Assert.Equal(_directory.Path, VaultLocations.DefaultDirectory);
    }

    [Fact]
    public void Resolve_NamesPathsAndTheDefault()
    {
        Assert.Equal(Path.Combine(_directory.Path, "default.msecure"), VaultLocations.Resolve(null));
        Assert.Equal(Path.Combine(_directory.Path, "default.msecure"), VaultLocations.Resolve(string.Empty));
        Assert.Equal(Path.Combine(_directory.Path, "work-2_b.v1.msecure"), VaultLocations.Resolve("work-2_b.v1"));
        Assert.Equal(Path.GetFullPath("relative.msecure"), VaultLocations.Resolve("relative.msecure"));
        Assert.Equal(Path.GetFullPath(Path.Combine("sub", "vault")), VaultLocations.Resolve("sub/vault"));
        Assert.Equal("/abs/v.msecure", VaultLocations.Resolve("/abs/v.msecure").Replace('\\', '/').Replace("C:", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("..")]
    [InlineData("ünïcode")]
    [InlineData("a-name-that-is-far-too-long-for-a-vault-name-because-it-has-65-ch")]
    public void Resolve_RefusesBadNames(string name)
    {
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.InvalidVaultName, () => VaultLocations.Resolve(name));
        Assert.Equal(MSecureErrorCategory.InvalidArgument, error.Category);
    }

    [Fact]
    public void ListVaultPaths_FindsOnlyVaultFiles_Sorted()
    {
        Assert.Empty(VaultLocations.ListVaultPaths());
        TestVaults.Create(VaultLocations.Resolve("b")).Dispose();
        TestVaults.Create(VaultLocations.Resolve("a")).Dispose();
        File.WriteAllText(Path.Combine(_directory.Path, "notes.txt"), "x");

        Assert.Equal(new[] { VaultLocations.Resolve("a"), VaultLocations.Resolve("b") }, VaultLocations.ListVaultPaths());
    }

    [Fact]
    public void ListVaultPaths_OfAMissingFolder_IsEmpty()
    {
        Environment.SetEnvironmentVariable(VaultLocations.DirectoryVariable, Path.Combine(_directory.Path, "missing"));

        Assert.Empty(VaultLocations.ListVaultPaths());
    }
}

/// <summary>Tests that set MSECURE_VAULT_DIR run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class VaultDirectoryVariableTests
{
    public const string Name = "MSECURE_VAULT_DIR";
}
