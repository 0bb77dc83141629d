using System;
using System.Linq;
using MSecure.PowerShell.Tests.Help;
using Xunit;

namespace MSecure.PowerShell.Tests.Vaults;

/// <summary>The pipeline parameters of issue 9: password sources, the session hand-off and log masking.</summary>
public sealed class PipelineParameterTests
{
    private static readonly CmdletInfo[] Cmdlets = CmdletMetadata.Read(RepositoryPaths.ModuleAssembly).ToArray();

    private static ParameterInfo Parameter(string cmdlet, string name) =>
        Cmdlets.Single(c => c.Name == cmdlet).Parameters.Single(p => p.Name == name);

    [Fact]
    public void EveryCmdletWithPasswordFile_AlsoTakesPasswordVariable_AsAString()
    {
        CmdletInfo[] withPasswordFile = Cmdlets.Where(c => c.Parameters.Any(p => p.Name == "PasswordFile")).ToArray();
        Assert.Contains(withPasswordFile, c => c.Name == "Unlock-MSecureVault");
        Assert.Contains(withPasswordFile, c => c.Name == "New-MSecureVault");
        Assert.All(withPasswordFile, cmdlet =>
        {
            ParameterInfo variable = cmdlet.Parameters.Single(p => p.Name == "PasswordVariable");
            Assert.Equal("String", variable.TypeName);
            Assert.False(variable.Mandatory);
            Assert.False(variable.FromPipeline || variable.FromPipelineByPropertyName);
        });
    }

    [Fact]
    public void UnlockMSecureVault_IssuesTokens_WithSessionTokenLifetimeAndAsPlainText()
    {
        Assert.EndsWith("SwitchParameter", Parameter("Unlock-MSecureVault", "SessionToken").TypeName, StringComparison.Ordinal);
        Assert.EndsWith("TimeSpan", Parameter("Unlock-MSecureVault", "SessionLifetime").TypeName, StringComparison.Ordinal);
        Assert.EndsWith("SwitchParameter", Parameter("Unlock-MSecureVault", "AsPlainText").TypeName, StringComparison.Ordinal);
        Assert.EndsWith("SwitchParameter", Parameter("Unlock-MSecureVault", "PassThru").TypeName, StringComparison.Ordinal);
    }

    [Fact]
    public void LockMSecureVault_AllSessions_BelongsToTheVaultSet_NotToAll()
    {
        ParameterInfo allSessions = Parameter("Lock-MSecureVault", "AllSessions");
        Assert.EndsWith("SwitchParameter", allSessions.TypeName, StringComparison.Ordinal);
        Assert.Equal("Vault", allSessions.ParameterSet);
    }

    [Theory]
    [InlineData("Get-MSecureRecord")]
    [InlineData("Get-MSecureRecordHistory")]
    public void MaskFor_TakesTheCiSystemsAndNone(string cmdlet)
    {
        ParameterInfo maskFor = Parameter(cmdlet, "MaskFor");
        Assert.Equal("String", maskFor.TypeName);
        Assert.Equal(new[] { "GitHubActions", "AzurePipelines", "None" }, maskFor.ValidValues);
        Assert.Equal(Enum.GetNames<MSecure.Core.Masking.LogMaskTarget>().Order(), maskFor.ValidValues!.Order());
    }
}
