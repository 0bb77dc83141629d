using System.IO;
using System.Text.Json;
using MSecure.Cli.Tests.TestSupport;
using MSecure.Core.Records;
using Record = MSecure.Core.Records.Record;
using Xunit;

namespace MSecure.Cli.Tests;

public sealed class SetRemoveTests
{
    [Fact]
    public void Set_creates_a_record_with_the_secret_from_standard_input()
    {
        using var vault = new TestVault();
        CliResult result = MsecureProcess.Run(vault.Environment(), "db-pass-1\n", "set", "db", "--field", "Password", "--field", "Username=sa", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Output);
        Assert.True(document.RootElement.GetProperty("created").GetBoolean());
        Assert.Equal(1, document.RootElement.GetProperty("revision").GetInt64());

        using var session = vault.Unlock();
        Record record = session.FindByName("db")!;
        Assert.Equal("db-pass-1", record.GetField("Password")!.Value);
        Assert.Equal("sa", record.GetField("Username")!.Value);
    }

    [Fact]
    public void Set_updates_an_existing_record_keeping_its_other_fields()
    {
        using var vault = new TestVault();
        CliResult result = MsecureProcess.Run(vault.Environment(), "new-value\n", "set", "github", "--field", "password");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var session = vault.Unlock();
        Record record = session.FindByName("github")!;
        Assert.Equal("new-value", record.GetField("Password")!.Value);
        Assert.Equal("alice", record.GetField("Username")!.Value);
        Assert.Equal(2, record.Revision);
    }

    [Fact]
    public void Set_reads_a_multi_line_value_from_a_file()
    {
        using var vault = new TestVault();
        string file = Path.Combine(vault.Folder, "value.txt");
        File.WriteAllText(file, "line one\nline two\n");
        CliResult result = vault.Run("set", "cert", "--template", "SecureNote", "--field", "Key", "--kind", "Secret", "--value-file", file);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var session = vault.Unlock();
        RecordField field = session.FindByName("cert")!.GetField("Key")!;
        Assert.Equal("line one\nline two", field.Value);
        Assert.True(field.IsSecret);
    }

    [Fact]
    public void A_secret_field_value_given_as_an_argument_is_refused_and_nothing_is_written()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("set", "github", "--field", "Password=argument-secret");
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("argument-secret", result.Error, System.StringComparison.Ordinal);
        using var session = vault.Unlock();
        Assert.Equal(TestVault.GitHubPassword, session.FindByName("github")!.GetField("Password")!.Value);
    }

    [Fact]
    public void Password_and_value_both_on_standard_input_take_a_line_each()
    {
        using var vault = new TestVault();
        CliResult result = MsecureProcess.Run(vault.Environment(withPassword: false), TestVault.Password + "\nfrom-stdin\n",
            "set", "api", "--password-stdin", "--field", "Password");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var session = vault.Unlock();
        Assert.Equal("from-stdin", session.FindByName("api")!.GetField("Password")!.Value);
    }

    [Fact]
    public void Rm_removes_the_record_and_a_second_rm_is_not_found()
    {
        using var vault = new TestVault();
        CliResult removed = vault.Run("rm", "github", "--json");
        Assert.Equal(0, removed.ExitCode);
        using (JsonDocument document = JsonDocument.Parse(removed.Output))
        {
            Assert.True(document.RootElement.GetProperty("removed").GetBoolean());
        }

        CliResult again = vault.Run("rm", "github");
        Assert.Equal(5, again.ExitCode);
        Assert.StartsWith("msecure: RecordNotFound: ", again.Error, System.StringComparison.Ordinal);
        using var session = vault.Unlock();
        Assert.Null(session.FindByName("github"));
    }
}
