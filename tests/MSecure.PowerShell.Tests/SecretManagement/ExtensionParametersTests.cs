using System.Collections;
using MSecure.Core.Masking;
using MSecure.PowerShell.Errors;
using MSecure.PowerShell.SecretManagement;
using Xunit;

namespace MSecure.PowerShell.Tests.SecretManagement;

public sealed class ExtensionParametersTests
{
    [Fact]
    public void Parse_ReadsPathMaskForAndVerbose_IgnoringCase()
    {
        ExtensionParameters parsed = ExtensionParameters.Parse(new Hashtable { ["path"] = "/v/team.msecure", ["MASKFOR"] = "githubactions", ["Verbose"] = true });

        Assert.Equal("/v/team.msecure", parsed.Path);
        Assert.Equal(LogMaskTarget.GitHubActions, parsed.MaskFor);
        Assert.True(parsed.Verbose);
    }

    [Fact]
    public void Parse_Nothing_IsTheDefaultVault_WithDetectedMasking()
    {
        ExtensionParameters parsed = ExtensionParameters.Parse(new Hashtable { ["Verbose"] = false });

        Assert.Null(parsed.Path);
        Assert.Null(parsed.MaskFor);
        Assert.False(parsed.Verbose);
    }

    [Theory]
    [InlineData("Password")]
    [InlineData("VaultPassword")]
    [InlineData("master_pwd")]
    [InlineData("Secret")]
    [InlineData("SessionToken")]
    [InlineData("Credential")]
    [InlineData("ApiKey")]
    public void Parse_AKeyThatLooksLikeAPassword_IsRefused_WithoutItsValue(string key)
    {
        var refused = Assert.Throws<SecretMappingException>(() => ExtensionParameters.Parse(new Hashtable { [key] = "hunter2" }));

        Assert.Equal(ModuleErrorIds.SecretVaultParameterSecret, refused.ErrorId);
        Assert.Contains("plain text", refused.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", refused.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Colour", "blue")]
    [InlineData("Path", "")]
    [InlineData("Path", 5L)]
    [InlineData("MaskFor", "Jenkins")]
    [InlineData("MaskFor", "1")]
    public void Parse_AnUnknownKeyOrABadValue_IsRefused(string key, object value)
    {
        var refused = Assert.Throws<SecretMappingException>(() => ExtensionParameters.Parse(new Hashtable { [key] = value }));

        Assert.Equal(ModuleErrorIds.SecretVaultParameterInvalid, refused.ErrorId);
    }
}
