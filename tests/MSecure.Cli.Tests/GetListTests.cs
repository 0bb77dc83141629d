using System.Linq;
using System.Text.Json;
using MSecure.Cli.Tests.TestSupport;
using MSecure.Core.Records;
using Xunit;

namespace MSecure.Cli.Tests;

public sealed class GetListTests
{
    [Fact]
    public void Get_hides_secret_values_unless_revealed()
    {
        using var vault = new TestVault();
        CliResult hidden = vault.Run("get", "github");
        Assert.Equal(0, hidden.ExitCode);
        Assert.Contains("Username: alice", hidden.Output, System.StringComparison.Ordinal);
        Assert.Contains("Password: ********", hidden.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain(TestVault.GitHubPassword, hidden.Output, System.StringComparison.Ordinal);

        CliResult revealed = vault.Run("get", "github", "--reveal");
        Assert.Contains("Password: " + TestVault.GitHubPassword, revealed.Output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Get_json_has_the_documented_shape_with_secrets_null_unless_revealed()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("get", "github", "--json");
        Assert.Equal(0, result.ExitCode);
        using JsonDocument document = JsonDocument.Parse(result.Output);
        JsonElement root = document.RootElement;
        Assert.Equal("github", root.GetProperty("name").GetString());
        Assert.Equal("Login", root.GetProperty("template").GetString());
        Assert.Equal(1, root.GetProperty("revision").GetInt64());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("tags").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("notes").ValueKind);
        JsonElement password = root.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("label").GetString() == "Password");
        Assert.True(password.GetProperty("secret").GetBoolean());
        Assert.Equal(JsonValueKind.Null, password.GetProperty("value").ValueKind);
        JsonElement user = root.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("label").GetString() == "Username");
        Assert.Equal("alice", user.GetProperty("value").GetString());

        using JsonDocument revealed = JsonDocument.Parse(vault.Run("get", "github", "--json", "--reveal").Output);
        Assert.Equal(TestVault.GitHubPassword, revealed.RootElement.GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("label").GetString() == "Password").GetProperty("value").GetString());
    }

    [Fact]
    public void Get_field_prints_that_value()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("get", "github", "--field", "password");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(TestVault.GitHubPassword + "\n", result.Output);
    }

    [Fact]
    public void List_prints_names_sorted_and_filters_by_wildcard()
    {
        using var vault = new TestVault();
        using (var session = vault.Unlock())
        {
            session.Add(RecordDraft.FromTemplate("gitlab", RecordTemplate.Login));
            session.Add(RecordDraft.FromTemplate("Bank", RecordTemplate.BankAccount));
        }

        Assert.Equal("Bank\ngithub\ngitlab\n", vault.Run("list").Output);
        Assert.Equal("github\ngitlab\n", vault.Run("list", "git*").Output);

        CliResult json = vault.Run("list", "g?t*", "--json");
        using JsonDocument document = JsonDocument.Parse(json.Output);
        Assert.Equal(new[] { "github", "gitlab" }, document.RootElement.EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToArray());
        JsonElement first = document.RootElement[0];
        foreach (string property in new[] { "id", "name", "template", "tags", "favorite", "modified", "revision" })
        {
            Assert.True(first.TryGetProperty(property, out _), property);
        }

        Assert.DoesNotContain(TestVault.GitHubPassword, json.Output, System.StringComparison.Ordinal);
    }
}
