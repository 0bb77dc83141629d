using System;
using System.Linq;
using MSecure.Cli.Tests.TestSupport;
using Xunit;

namespace MSecure.Cli.Tests;

public sealed class RunTests
{
    [Fact]
    public void Run_injects_the_secret_into_the_childs_environment_only()
    {
        using var vault = new TestVault();
        var environment = vault.Environment();
        environment["DB_PASSWORD"] = "msecure://default/github/password";
        environment["PLAIN"] = "untouched";
        // The child prints what it sees, then what its parent (msecure) holds in its own environment block.
        CliResult result = MsecureProcess.Run(environment, null, "run", "--", "sh", "-c",
            "echo \"child=$DB_PASSWORD plain=$PLAIN pw=${MSECURE_PASSWORD:-unset}\"; tr '\\0' '\\n' < /proc/$PPID/environ | grep '^DB_PASSWORD='");
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal($"child={TestVault.GitHubPassword} plain=untouched pw=unset", lines[0]);
        Assert.Equal("DB_PASSWORD=msecure://default/github/password", lines[1]);
        // The test process (msecure's parent) never had it either.
        Assert.Null(Environment.GetEnvironmentVariable("DB_PASSWORD"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(42)]
    public void Run_exits_with_the_childs_exit_code(int code)
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("run", "--", "sh", "-c", $"exit {code}");
        Assert.Equal(code, result.ExitCode);
    }

    [Fact]
    public void Run_passes_the_arguments_through_unchanged()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("run", "--", "printf", "%s|", "a b", "--json", "msecure://default/github/password");
        Assert.Equal(0, result.ExitCode);
        // Arguments are never resolved: only environment variables are.
        Assert.Equal("a b|--json|msecure://default/github/password|", result.Output);
    }

    [Fact]
    public void A_reference_that_does_not_resolve_starts_no_child()
    {
        using var vault = new TestVault();
        var environment = vault.Environment();
        environment["TOKEN"] = "msecure://default/github/nope";
        string marker = System.IO.Path.Combine(vault.Folder, "started");
        CliResult result = MsecureProcess.Run(environment, null, "run", "--", "touch", marker);
        Assert.Equal(5, result.ExitCode);
        Assert.False(System.IO.File.Exists(marker));
    }

    [Fact]
    public void A_command_that_cannot_start_exits_127()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("run", "--", "/nonexistent/command");
        Assert.Equal(127, result.ExitCode);
        Assert.StartsWith("msecure: CommandNotStarted: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_masks_each_injected_value_before_the_child_runs()
    {
        using var vault = new TestVault();
        var environment = vault.Environment();
        environment["A_TOKEN"] = "msecure://default/github/password";
        environment["B_USER"] = "msecure://default/github/username";
        CliResult result = MsecureProcess.Run(environment, null, "run", "--mask-for", "github-actions", "--", "sh", "-c", "echo started");
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(["::add-mask::" + TestVault.GitHubPassword, "::add-mask::alice", "started"], lines.ToArray());
    }
}
