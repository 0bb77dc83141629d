using System;
using System.Linq;
using System.Threading;
using MSecure.Cli.Tests.TestSupport;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Cli.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public void Two_processes_writing_one_vault_at_once_both_succeed()
    {
        using var vault = new TestVault();
        const int Writers = 4;
        MsecureProcess[] processes = Enumerable.Range(0, Writers)
            .Select(i => MsecureProcess.Start(vault.Environment(), $"value-{i}\n", ["set", $"record-{i}", "--field", "Password"]))
            .ToArray();
        // A reader at the same time as the writers.
        using MsecureProcess reader = MsecureProcess.Start(vault.Environment(), null, ["read", "msecure://default/github/password"]);
        try
        {
            foreach (MsecureProcess process in processes)
            {
                CliResult result = process.WaitForResult(TimeSpan.FromSeconds(60));
                Assert.True(result.ExitCode == 0, result.ToString());
            }

            Assert.Equal(TestVault.GitHubPassword + "\n", reader.WaitForResult(TimeSpan.FromSeconds(60)).Output);
        }
        finally
        {
            foreach (MsecureProcess process in processes)
            {
                process.Dispose();
            }
        }

        using VaultSession session = vault.Unlock();
        for (int i = 0; i < Writers; i++)
        {
            Assert.Equal($"value-{i}", session.FindByName($"record-{i}")!.GetField("Password")!.Value);
        }

        Assert.Empty(session.Verify().Problems);
    }

    [Fact]
    public void A_process_killed_while_it_holds_the_vault_open_leaves_it_usable()
    {
        using var vault = new TestVault();
        // --password-stdin with standard input left open: msecure has opened the vault and waits for the password.
        using (MsecureProcess waiting = MsecureProcess.Start(vault.Environment(withPassword: false), null, ["set", "x", "--password-stdin", "--field", "Username=u"], keepInputOpen: true))
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(700));
            waiting.Kill();
        }

        CliResult after = MsecureProcess.Run(vault.Environment(), "after-kill\n", "set", "later", "--field", "Password");
        Assert.True(after.ExitCode == 0, after.ToString());
        using VaultSession session = vault.Unlock();
        Assert.Null(session.FindByName("x"));
        Assert.Equal("after-kill", session.FindByName("later")!.GetField("Password")!.Value);
        Assert.Empty(session.Verify().Problems);
    }

    [Fact]
    public void Processes_killed_at_random_during_writes_never_leave_a_damaged_vault()
    {
        using var vault = new TestVault();
        var random = new Random(20261201);
        for (int round = 0; round < 4; round++)
        {
            using MsecureProcess writer = MsecureProcess.Start(vault.Environment(), $"v{round}\n", ["set", "churn", "--field", "Password"]);
            Thread.Sleep(random.Next(50, 600));
            writer.Kill();
        }

        CliResult read = vault.Run("list");
        Assert.True(read.ExitCode == 0, read.ToString());
        using VaultSession session = vault.Unlock();
        Assert.Empty(session.Verify().Problems);
        if (session.FindByName("churn") is { } churn)
        {
            Assert.Matches("^v[0-3]$", churn.GetField("Password")!.Value);
        }
    }
}
