using System;
using System.IO;
using MSecure.Core.Errors;
using MSecure.Core.Vault;
using MSecure.PowerShell.Vaults;
using Xunit;

namespace MSecure.PowerShell.Tests.Vaults;

/// <summary>The stored default vault and the precedence of MSECURE_DEFAULT_VAULT. Sets process environment variables, so runs alone.</summary>
[Collection(EnvironmentVariableTests.Name)]
public sealed class DefaultVaultSettingTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string? _savedDirectory = Environment.GetEnvironmentVariable(VaultLocations.DirectoryVariable);
    private readonly string? _savedDefault = Environment.GetEnvironmentVariable(DefaultVault.EnvironmentVariable);

    public DefaultVaultSettingTests()
    {
        Environment.SetEnvironmentVariable(VaultLocations.DirectoryVariable, _temp.Combine("vaults"));
        Environment.SetEnvironmentVariable(DefaultVault.EnvironmentVariable, null);
    }

    private static string SettingsPath => VaultLocations.SettingsPath;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(VaultLocations.DirectoryVariable, _savedDirectory);
        Environment.SetEnvironmentVariable(DefaultVault.EnvironmentVariable, _savedDefault);
        _temp.Dispose();
    }

    [Fact]
    public void WithNothingChosen_TheDefaultIsTheVaultNamedDefault()
    {
        Assert.Null(DefaultVaultSetting.Read());
        Assert.Equal((VaultLocations.DefaultVaultName, DefaultVaultSource.BuiltIn), DefaultVault.Choose());
    }

    [Fact]
    public void Write_CreatesTheFolderAndAnOwnerOnlyFile_ThatReadGivesBack()
    {
        DefaultVaultSetting.Write("work");

        Assert.Equal("work", DefaultVaultSetting.Read());
        Assert.Equal(("work", DefaultVaultSource.Settings), DefaultVault.Choose());
        Assert.Contains("\"defaultVault\": \"work\"", File.ReadAllText(SettingsPath), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SettingsPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(VaultLocations.DefaultDirectory));
        }

        Assert.Single(Directory.GetFiles(VaultLocations.DefaultDirectory));
    }

    [Fact]
    public void Write_StoresAFullPath_AndKeepsOtherSettings()
    {
        Directory.CreateDirectory(VaultLocations.DefaultDirectory);
        File.WriteAllText(SettingsPath, "{\"defaultVault\":\"old\",\"future\":{\"x\":1}}");
        string path = _temp.Combine("elsewhere", "team.msecure");

        DefaultVaultSetting.Write(path);

        Assert.Equal(path, DefaultVaultSetting.Read());
        Assert.Contains("\"future\"", File.ReadAllText(SettingsPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("relative/team.msecure")]
    [InlineData("bad name")]
    [InlineData("")]
    public void Write_RefusesAnythingButANameOrAFullPath(string value)
    {
        Assert.Throws<ArgumentException>(() => DefaultVaultSetting.Write(value));
        Assert.False(File.Exists(SettingsPath));
    }

    [Fact]
    public void TheEnvironmentVariable_TakesPrecedenceOverTheSetting()
    {
        DefaultVaultSetting.Write("work");
        Environment.SetEnvironmentVariable(DefaultVault.EnvironmentVariable, "deploy");

        Assert.Equal(("deploy", DefaultVaultSource.Environment), DefaultVault.Choose());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"defaultVault\": 42}")]
    [InlineData("{\"defaultVault\": \"../../etc/passwd\"}")]
    [InlineData("{\"defaultVault\": \"relative.msecure\"}")]
    public void ADamagedSettingsFile_IsSettingsInvalid_NamingTheFile(string content)
    {
        Directory.CreateDirectory(VaultLocations.DefaultDirectory);
        File.WriteAllText(SettingsPath, content);

        MSecureException error = Assert.Throws<MSecureException>(() => DefaultVault.Choose());

        Assert.Equal(MSecureErrorCode.SettingsInvalid, error.Code);
        Assert.Contains(SettingsPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("Set-MSecureDefaultVault", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADamagedSettingsFile_IsNotReplacedByWrite()
    {
        Directory.CreateDirectory(VaultLocations.DefaultDirectory);
        File.WriteAllText(SettingsPath, "{ damaged");

        Assert.Equal(MSecureErrorCode.SettingsInvalid, Assert.Throws<MSecureException>(() => DefaultVaultSetting.Write("work")).Code);
        Assert.Equal("{ damaged", File.ReadAllText(SettingsPath));
    }

    [Fact]
    public void ASettingsFileWithoutTheProperty_MeansNoChoice()
    {
        Directory.CreateDirectory(VaultLocations.DefaultDirectory);
        File.WriteAllText(SettingsPath, "{\"defaultVault\": null}");

        Assert.Equal(DefaultVaultSource.BuiltIn, DefaultVault.Choose().Source);
    }
}

/// <summary>Tests that set process environment variables run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentVariableTests
{
    public const string Name = "Environment variables";
}
