using System.IO;
using MSecure.Cli.Tests.TestSupport;
using Xunit;

namespace MSecure.Cli.Tests;

public sealed class PasswordSourceTests
{
    private const string Reference = "msecure://default/github/password";

    [Fact]
    public void The_password_comes_from_standard_input()
    {
        using var vault = new TestVault();
        CliResult result = MsecureProcess.Run(vault.Environment(withPassword: false), TestVault.Password + "\n", "read", "--password-stdin", Reference);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestVault.GitHubPassword + "\n", result.Output);
    }

    [Fact]
    public void The_password_comes_from_a_named_environment_variable()
    {
        using var vault = new TestVault();
        var environment = vault.Environment(withPassword: false);
        environment["CI_VAULT_PASSWORD"] = TestVault.Password;
        CliResult result = MsecureProcess.Run(environment, null, "read", "--password-env", "CI_VAULT_PASSWORD", Reference);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void The_password_comes_from_a_file()
    {
        using var vault = new TestVault();
        string file = Path.Combine(vault.Folder, "password.txt");
        File.WriteAllText(file, TestVault.Password + "\n");
        CliResult result = MsecureProcess.Run(vault.Environment(withPassword: false), null, "read", "--password-file", file, Reference);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData("--password")]
    [InlineData("-p")]
    [InlineData("--password-value")]
    public void A_password_given_as_an_argument_is_refused_and_never_echoed(string option)
    {
        using var vault = new TestVault();
        CliResult separate = MsecureProcess.Run(vault.Environment(withPassword: false), null, "read", Reference, option, TestVault.Password);
        CliResult joined = MsecureProcess.Run(vault.Environment(withPassword: false), null, "read", Reference, option + "=" + TestVault.Password);
        foreach (CliResult result in new[] { separate, joined })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.DoesNotContain(TestVault.Password, result.Error, System.StringComparison.Ordinal);
            Assert.DoesNotContain("battery", result.Error, System.StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Output);
        }
    }

    [Fact]
    public void No_password_and_no_terminal_fails_at_once_with_the_locked_exit_code()
    {
        using var vault = new TestVault();
        CliResult result = MsecureProcess.Run(vault.Environment(withPassword: false), null, "read", Reference);
        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("msecure: PasswordRequired: ", result.Error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Two_password_sources_at_once_are_a_usage_error()
    {
        using var vault = new TestVault();
        CliResult result = MsecureProcess.Run(vault.Environment(), TestVault.Password, "read", "--password-stdin", "--password-env", "MSECURE_PASSWORD", Reference);
        Assert.Equal(2, result.ExitCode);
    }
}
