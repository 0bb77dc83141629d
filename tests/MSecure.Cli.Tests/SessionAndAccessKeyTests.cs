using System;
using System.Text.Json;
using MSecure.Cli.Tests.TestSupport;
using MSecure.Core.Access;
using MSecure.Core.Records;
using Xunit;

namespace MSecure.Cli.Tests;

/// <summary>unlock / lock with MSECURE_SESSION, and reading with a read-only access key (MSECURE_ACCESS_KEY).</summary>
public sealed class SessionAndAccessKeyTests
{
    private const string Reference = "msecure://default/github/password";

    [Fact]
    public void Unlock_prints_a_token_that_later_processes_use_without_the_password_until_lock()
    {
        using var vault = new TestVault();
        CliResult unlocked = vault.Run("unlock", "--lifetime", "00:05:00");
        Assert.True(unlocked.ExitCode == 0, unlocked.ToString());
        string token = unlocked.Output.TrimEnd('\n');
        Assert.StartsWith("mss1.", token, StringComparison.Ordinal);

        var withToken = vault.Environment(withPassword: false);
        withToken["MSECURE_SESSION"] = token;
        CliResult read = MsecureProcess.Run(withToken, null, "read", Reference);
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Equal(TestVault.GitHubPassword + "\n", read.Output);
        Assert.Equal(0, MsecureProcess.Run(withToken, "via-token\n", "set", "written", "--field", "Password").ExitCode);

        CliResult locked = MsecureProcess.Run(withToken, null, "lock", "--json");
        Assert.Equal(0, locked.ExitCode);
        using (JsonDocument document = JsonDocument.Parse(locked.Output))
        {
            Assert.Equal(1, document.RootElement.GetProperty("revoked").GetInt32());
        }

        CliResult after = MsecureProcess.Run(withToken, null, "read", Reference);
        Assert.Equal(4, after.ExitCode);
        Assert.DoesNotContain(token, after.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unlock_json_has_the_documented_shape_and_the_token_is_masked_first()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("unlock", "--json", "--mask-for", "github-actions");
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.TrimEnd('\n').Split('\n');
        using JsonDocument document = JsonDocument.Parse(lines[1]);
        string token = document.RootElement.GetProperty("token").GetString()!;
        Assert.Equal("::add-mask::" + token, lines[0]);
        Assert.Equal("MSECURE_SESSION", document.RootElement.GetProperty("variable").GetString());
        Assert.True(document.RootElement.GetProperty("expires").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(50));
        Assert.Equal(vault.VaultPath, document.RootElement.GetProperty("vault").GetString());
    }

    [Fact]
    public void A_malformed_session_token_is_not_used_and_never_echoed()
    {
        using var vault = new TestVault();
        var environment = vault.Environment(withPassword: false);
        environment["MSECURE_SESSION"] = "mss1.not-a-real-token-value";
        CliResult result = MsecureProcess.Run(environment, null, "read", Reference);
        Assert.Equal(4, result.ExitCode);
        Assert.DoesNotContain("not-a-real-token-value", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lock_all_ends_every_session_of_the_vault()
    {
        using var vault = new TestVault();
        string first = vault.Run("unlock").Output.TrimEnd('\n');
        string second = vault.Run("unlock").Output.TrimEnd('\n');
        CliResult locked = vault.Run("lock", "--all");
        Assert.Equal("Ended 2 sessions.\n", locked.Output);
        foreach (string token in new[] { first, second })
        {
            var environment = vault.Environment(withPassword: false);
            environment["MSECURE_SESSION"] = token;
            Assert.Equal(4, MsecureProcess.Run(environment, null, "read", Reference).ExitCode);
        }
    }

    [Fact]
    public void An_access_key_reads_only_records_with_its_tag_and_cannot_write()
    {
        using var vault = new TestVault();
        string accessKey;
        using (var session = vault.Unlock())
        {
            RecordDraft deploy = RecordDraft.FromTemplate("deploy-key", RecordTemplate.Login);
            deploy.SetField("Password", "deploy-secret");
            deploy.Tags.Add("ci");
            session.Add(deploy);
            using AccessKeyIssue issue = session.CreateAccessKey("pipeline", "ci", null);
            accessKey = issue.Token.ToString();
        }

        var environment = vault.Environment(withPassword: false);
        environment["MSECURE_ACCESS_KEY"] = accessKey;
        CliResult read = MsecureProcess.Run(environment, null, "read", "msecure://default/deploy-key/password");
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Equal("deploy-secret\n", read.Output);
        Assert.Equal("deploy-key\n", MsecureProcess.Run(environment, null, "list").Output);

        CliResult untagged = MsecureProcess.Run(environment, null, "read", Reference);
        Assert.Equal(5, untagged.ExitCode);

        environment["TOKEN"] = "msecure://default/deploy-key/password";
        CliResult run = MsecureProcess.Run(environment, null, "run", "--", "sh", "-c", "printf %s \"$TOKEN\"");
        Assert.Equal("deploy-secret", run.Output);

        CliResult write = MsecureProcess.Run(environment, "x\n", "set", "deploy-key", "--field", "Password");
        Assert.Equal(4, write.ExitCode);
        Assert.DoesNotContain(accessKey, write.Error + read.Error + untagged.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revoked_access_key_exits_9()
    {
        using var vault = new TestVault();
        string accessKey;
        using (var session = vault.Unlock())
        {
            using AccessKeyIssue issue = session.CreateAccessKey("pipeline", "ci", null);
            accessKey = issue.Token.ToString();
            session.RevokeAccessKey(issue.Info.Id);
        }

        var environment = vault.Environment(withPassword: false);
        environment["MSECURE_ACCESS_KEY"] = accessKey;
        CliResult result = MsecureProcess.Run(environment, null, "list");
        Assert.Equal(9, result.ExitCode);
        Assert.Matches("^msecure: AccessKey(Revoked|Invalid): ", result.Error);
    }
}
