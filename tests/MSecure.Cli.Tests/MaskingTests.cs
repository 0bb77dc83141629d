using MSecure.Cli.Tests.TestSupport;
using Xunit;

namespace MSecure.Cli.Tests;

public sealed class MaskingTests
{
    private const string Reference = "msecure://default/github/password";

    [Fact]
    public void GitHub_Actions_masking_line_comes_before_the_value()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("read", "--mask-for", "github-actions", Reference);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"::add-mask::{TestVault.GitHubPassword}\n{TestVault.GitHubPassword}\n", result.Output);
    }

    [Fact]
    public void Azure_Pipelines_masking_line_comes_before_the_value()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("get", "github", "--field", "password", "--mask-for", "azure-pipelines");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"##vso[task.setsecret]{TestVault.GitHubPassword}\n{TestVault.GitHubPassword}\n", result.Output);
    }

    [Fact]
    public void Masking_is_detected_from_the_CI_environment_and_none_turns_it_off()
    {
        using var vault = new TestVault();
        var environment = vault.Environment();
        environment["GITHUB_ACTIONS"] = "true";
        Assert.Equal($"::add-mask::{TestVault.GitHubPassword}\n{TestVault.GitHubPassword}\n", MsecureProcess.Run(environment, null, "read", Reference).Output);
        Assert.Equal($"{TestVault.GitHubPassword}\n", MsecureProcess.Run(environment, null, "read", "--mask-for", "none", Reference).Output);
    }

    [Fact]
    public void Json_output_is_masked_first_too()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("read", "--json", "--mask-for", "github-actions", Reference);
        string[] lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal("::add-mask::" + TestVault.GitHubPassword, lines[0]);
        Assert.StartsWith("{", lines[1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_mask_target_is_a_usage_error()
    {
        using var vault = new TestVault();
        Assert.Equal(2, vault.Run("read", "--mask-for", "jenkins", Reference).ExitCode);
    }
}
