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
    public void CanPrompt_OnlyWithAUi_AndAnAnswerableConsole()
    {
        string[] plain = ["pwsh"];
        string[] nonInteractive = ["pwsh", "-NonInteractive"];

        Assert.True(Interactivity.CanPrompt(hasUserInterface: true, isConsoleHost: true, isInputRedirected: false, plain));
        Assert.False(Interactivity.CanPrompt(hasUserInterface: false, isConsoleHost: true, isInputRedirected: false, plain));
        Assert.False(Interactivity.CanPrompt(hasUserInterface: true, isConsoleHost: true, isInputRedirected: true, plain));
        Assert.False(Interactivity.CanPrompt(hasUserInterface: true, isConsoleHost: true, isInputRedirected: false, nonInteractive));

        // Another host (an editor, a hosted runspace) reads its own UI, not standard input.
        Assert.True(Interactivity.CanPrompt(hasUserInterface: true, isConsoleHost: false, isInputRedirected: true, nonInteractive));
    }
}
