using MSecure.PowerShell.Secrets;
using Xunit;

namespace MSecure.PowerShell.Tests.Secrets;

public sealed class InteractivityTests
{
    [Theory]
    [InlineData(new[] { "pwsh", "-NonInteractive", "-File", "x.ps1" }, true)]
    [InlineData(new[] { "pwsh", "-noni", "-c", "Unlock-MSecureVault" }, true)]
    [InlineData(new[] { "pwsh", "-NoProfile", "-NONINTERACTIVE" }, true)]
    [InlineData(new[] { "pwsh", "--noninteractive" }, true)]
    [InlineData(new[] { "pwsh", "-ExecutionPolicy", "Bypass", "-NonInteractive", "-File", "x.ps1" }, true)]
    [InlineData(new[] { "pwsh", "-NoProfile" }, false)]
    [InlineData(new[] { "pwsh", "-non" }, false)]
    [InlineData(new[] { "pwsh", "-File", "x.ps1", "-NonInteractive" }, false)]
    [InlineData(new[] { "pwsh", "-c", "echo -NonInteractive" }, false)]
    [InlineData(new[] { "pwsh", "script.ps1", "-NonInteractive" }, false)]
    [InlineData(new[] { "pwsh" }, false)]
    public void NonInteractiveSwitch_IsFoundAmongPwshsOwnArguments(string[] commandLine, bool expected)
    {
        Assert.Equal(expected, Interactivity.HasNonInteractiveSwitch(commandLine));
    }

    [Fact]
    public void CanPrompt_InTheConsoleHost_OnlyWithAUi_AndAnAnswerableConsole()
    {
        string[] plain = ["pwsh"];
        string[] nonInteractive = ["pwsh", "-NonInteractive"];

        Assert.True(Interactivity.CanPrompt("ConsoleHost", hasUserInterface: true, isInputRedirected: false, plain));
        Assert.False(Interactivity.CanPrompt("ConsoleHost", hasUserInterface: false, isInputRedirected: false, plain));
        Assert.False(Interactivity.CanPrompt("ConsoleHost", hasUserInterface: true, isInputRedirected: true, plain));
        Assert.False(Interactivity.CanPrompt("ConsoleHost", hasUserInterface: true, isInputRedirected: false, nonInteractive));
    }

    [Theory]
    [InlineData("Visual Studio Code Host", true)]
    [InlineData("Windows PowerShell ISE Host", true)]
    [InlineData("ServerRemoteHost", false)]
    [InlineData("Default Host", false)]
    [InlineData("SomeCustomHost", false)]
    [InlineData(null, false)]
    public void CanPrompt_InOtherHosts_OnlyOnTheAllowList(string? hostName, bool expected)
    {
        // Editors read their own UI, not standard input; jobs and remoting (ServerRemoteHost) never prompt.
        Assert.Equal(expected, Interactivity.CanPrompt(hostName, hasUserInterface: true, isInputRedirected: true, ["pwsh", "-NonInteractive"]));
        Assert.False(Interactivity.CanPrompt(hostName, hasUserInterface: false, isInputRedirected: false, ["pwsh"]));
    }
}
