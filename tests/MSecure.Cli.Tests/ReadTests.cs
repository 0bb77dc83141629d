using System.Text.Json;
using MSecure.Cli.Tests.TestSupport;
using Xunit;

namespace MSecure.Cli.Tests;

public sealed class ReadTests
{
    [Fact]
    public void Read_prints_the_fields_value_and_nothing_else()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("read", "msecure://default/github/password");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestVault.GitHubPassword + "\n", result.Output);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Read_with_no_newline_prints_the_value_alone()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("read", "-n", "msecure://default/GitHub/Username");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("alice", result.Output);
    }

    [Fact]
    public void Read_decodes_percent_encoded_parts()
    {
        using var vault = new TestVault();
        using (var session = vault.Unlock())
        {
            var draft = Core.Records.RecordDraft.FromTemplate("a/b c", Core.Records.RecordTemplate.Login);
            draft.SetField("Password", "slash-value");
            session.Add(draft);
        }

        CliResult result = vault.Run("read", "msecure://default/a%2Fb%20c/Password");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("slash-value\n", result.Output);
    }

    [Fact]
    public void Read_json_has_the_documented_shape()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("read", "--json", "msecure://default/github/password");
        Assert.Equal(0, result.ExitCode);
        using JsonDocument document = JsonDocument.Parse(result.Output);
        JsonElement root = document.RootElement;
        Assert.Equal("default", root.GetProperty("vault").GetString());
        Assert.Equal("github", root.GetProperty("record").GetString());
        Assert.Equal("Password", root.GetProperty("field").GetString());
        Assert.Equal("Secret", root.GetProperty("kind").GetString());
        Assert.True(root.GetProperty("secret").GetBoolean());
        Assert.Equal(TestVault.GitHubPassword, root.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("msecure://default/github")]
    [InlineData("msecure://default/github/password/extra")]
    [InlineData("https://default/github/password")]
    [InlineData("msecure://default//password")]
    public void A_malformed_reference_is_a_usage_error(string reference)
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("read", reference);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("msecure: Usage: ", result.Error, System.StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Reading_the_vault_given_by_path_matches_the_references_vault_name()
    {
        using var vault = new TestVault();
        var environment = vault.Environment();
        environment.Remove("MSECURE_VAULT_DIR");
        CliResult result = MsecureProcess.Run(environment, null, "read", "--vault", vault.VaultPath, "msecure://default/github/password");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(TestVault.GitHubPassword + "\n", result.Output);
    }
}
