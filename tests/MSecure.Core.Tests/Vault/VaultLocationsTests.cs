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
    public void PathOfName_IsInTheVaultFolder_AndTheDefaultIsNamedDefault()
    {
        Assert.Equal(Path.Combine(_directory.Path, "default.msecure"), VaultLocations.DefaultVaultPath);
        Assert.Equal(Path.Combine(_directory.Path, "work-2_b.v1.msecure"), VaultLocations.PathOfName("work-2_b.v1"));
        Assert.Equal(Path.Combine(_directory.Path, "settings.json"), VaultLocations.SettingsPath);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("ünïcode")]
    [InlineData("a-name-that-is-far-too-long-for-a-vault-name-because-it-has-65-ch")]
    [InlineData("../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/vault")]
    [InlineData("relative.msecure")]
    [InlineData("C:\\vault")]
    public void PathOfName_RefusesAnythingButAName_NeverResolvingAPath(string name)
    {
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.InvalidVaultName, () => VaultLocations.PathOfName(name));
        Assert.Equal(MSecureErrorCategory.InvalidArgument, error.Category);
    }

    [Fact]
    public void InvalidVaultName_NeutralisesControlCharactersInTheMessage()
    {
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.InvalidVaultName, () => VaultLocations.PathOfName("evil\u001b[2Jname"));

        Assert.DoesNotContain('\u001b', error.Message);
        Assert.Contains("evil\\x1B[2Jname", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("work", false)]
    [InlineData("work.v2", false)]
    [InlineData("..", false)]
    [InlineData("team.msecure", true)]
    [InlineData("TEAM.MSECURE", true)]
    [InlineData("./x", true)]
    [InlineData("../x", true)]
    [InlineData("sub/vault", true)]
    [InlineData("/etc/passwd", true)]
    public void IsPath_TellsPathsFromNames(string value, bool isPath)
    {
        Assert.Equal(isPath, VaultLocations.IsPath(value));
    }

    [Fact]
    public void IsPath_OnWindows_AlsoTakesBackslashesAndDriveRoots()
    {
        Assert.Equal(OperatingSystem.IsWindows(), VaultLocations.IsPath("sub\\vault"));
        Assert.Equal(OperatingSystem.IsWindows(), VaultLocations.IsPath("C:vault"));
    }

    [Fact]
    public void NameInDefaultDirectory_OnlyForVaultsOfTheFolder()
    {
        Assert.Equal("work", VaultLocations.NameInDefaultDirectory(Path.Combine(_directory.Path, "work.msecure")));
        Assert.Null(VaultLocations.NameInDefaultDirectory(Path.Combine(_directory.Path, "sub", "work.msecure")));
        Assert.Null(VaultLocations.NameInDefaultDirectory(Path.Combine(_directory.Path, "bad name.msecure")));
        Assert.Null(VaultLocations.NameInDefaultDirectory(Path.Combine(_directory.Path, "work.other")));
        Assert.Null(VaultLocations.NameInDefaultDirectory("work.msecure"));
    }

    [Fact]
    public void ARelativeVaultDirectory_IsRefused_NeverResolvedAgainstTheProcessDirectory()
    {
        Environment.SetEnvironmentVariable(VaultLocations.DirectoryVariable, Path.Combine("relative", "vaults"));

        MSecureException error = TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => VaultLocations.DefaultDirectory);
        Assert.Contains(VaultLocations.DirectoryVariable, error.Message, StringComparison.Ordinal);
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => VaultLocations.PathOfName("work"));
    }

    [Fact]
    public void EnsureDefaultDirectory_CreatesTheFolderOwnerOnly()
    {
        string folder = Path.Combine(_directory.Path, "new", "vaults");
        Environment.SetEnvironmentVariable(VaultLocations.DirectoryVariable, folder);

        VaultLocations.EnsureDefaultDirectory();

        Assert.True(Directory.Exists(folder));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(folder)!));
        }
    }

    [Fact]
    public void ListVaultPaths_FindsOnlyVaultFiles_Sorted()
    {
        Assert.Empty(VaultLocations.ListVaultPaths());
        TestVaults.Create(VaultLocations.PathOfName("b")).Dispose();
        TestVaults.Create(VaultLocations.PathOfName("a")).Dispose();
        File.WriteAllText(Path.Combine(_directory.Path, "notes.txt"), "x");

        Assert.Equal(new[] { VaultLocations.PathOfName("a"), VaultLocations.PathOfName("b") }, VaultLocations.ListVaultPaths());
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
