using System;
using System.Linq;
using MSecure.PowerShell.Tests.Help;
using Xunit;

namespace MSecure.PowerShell.Tests.Vaults;

/// <summary>One way to name a vault: every cmdlet that works on a vault has the same -Vault parameter.</summary>
public sealed class VaultParameterTests
{
    private static readonly string[] CmdletsWithoutAVault = ["New-MSecureRandomPassword", "New-MSecureAccountKey"];

    [Fact]
    public void EveryCmdletThatWorksOnAVault_NamesItWithVault_AndNoOtherWay()
    {
        foreach (CmdletInfo cmdlet in CmdletMetadata.Read(RepositoryPaths.ModuleAssembly).Where(c => !CmdletsWithoutAVault.Contains(c.Name)))
        {
            Assert.True(cmdlet.Parameters.Any(p => p.Name == "Vault"), $"{cmdlet.Name} has no -Vault");
            Assert.False(cmdlet.Parameters.Any(p => p.Name == "Path" && !cmdlet.Name.StartsWith("Export-", StringComparison.Ordinal) && !TakesAFile.Contains(cmdlet.Name)),
                $"{cmdlet.Name} still has a -Path for the vault");
            // -Name names a record, or an access key (New-MSecureAccessKey -Name ci, as the issue asks), never the vault.
            if (!ActsOnRecords(cmdlet.Name) && !cmdlet.Name.Contains("AccessKey", StringComparison.Ordinal))
            {
                Assert.False(cmdlet.Parameters.Any(p => p.Name == "Name"), $"{cmdlet.Name} still has a -Name for the vault");
            }
        }
    }

    [Fact]
    public void EveryVaultParameter_IsAlike_CompletedAndBoundByPropertyName()
    {
        var vaultParameters = CmdletMetadata.Read(RepositoryPaths.ModuleAssembly)
            .SelectMany(cmdlet => cmdlet.Parameters.Where(p => p.Name == "Vault").Select(p => (cmdlet.Name, Parameter: p)))
            .ToArray();

        // Every cmdlet but the two that need no vault names its vault with -Vault.
        Assert.Equal(
            ["New-MSecureAccountKey", "New-MSecureRandomPassword"],
            CmdletMetadata.Read(RepositoryPaths.ModuleAssembly).Select(cmdlet => cmdlet.Name).Except(vaultParameters.Select(v => v.Name)).Order(StringComparer.Ordinal));
        Assert.All(vaultParameters, v =>
        {
            Assert.True(v.Parameter.FromPipelineByPropertyName, $"{v.Name} -Vault should bind by property name");
            // A cmdlet whose -Path is a file piped by FullName (an import, export or backup file) leaves FullName to it.
            Assert.Equal(TakesAFile.Contains(v.Name) ? new[] { "VaultPath" } : new[] { "VaultPath", "FullName" }, v.Parameter.Aliases);
            Assert.Equal("MSecure.PowerShell.Completers.VaultNameCompleter", v.Parameter.Completer);
            Assert.Equal(v.Name == "Get-MSecureVault" ? "String[]" : "String", v.Parameter.TypeName);
            Assert.Equal(ActsOnRecords(v.Name) || TakesAFile.Contains(v.Name) ? null : 0, v.Parameter.Position);
        });
    }

    /// <summary>Cmdlets whose -Path names a file (bound by FullName from Get-ChildItem), not the vault.</summary>
    private static readonly string[] TakesAFile = ["Export-MSecureBackup", "Import-MSecureBackup", "Import-MSecureRecord"];

    /// <summary>Cmdlets that pick records by -Name (position 0), so -Vault is named only.</summary>
    private static bool ActsOnRecords(string cmdlet) =>
        cmdlet.Contains("Record", StringComparison.Ordinal) || cmdlet is "Get-MSecureOneTimePassword" or "Get-MSecureSecurityReport";
}
