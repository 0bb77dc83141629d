using System;
using System.IO;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MSecure.Cli.Tests.TestSupport;
using Xunit;

namespace MSecure.Cli.Tests;

/// <summary>One exit code per class of failure (docs/cli.md), the MSecure error code on standard error, and no secret there.</summary>
public sealed class ExitCodeTests
{
    private const string Reference = "msecure://default/github/password";

    [Fact]
    public void A_wrong_password_exits_3_naming_WrongPassword_without_the_password()
    {
        using var vault = new TestVault();
        var environment = vault.Environment(withPassword: false);
        environment["MSECURE_PASSWORD"] = "wrong but long password 1";
        CliResult result = MsecureProcess.Run(environment, null, "read", Reference);
        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("msecure: WrongPassword: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("wrong but long", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Errors_are_json_on_standard_error_with_json()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("read", "--json", "msecure://default/nothing/password");
        Assert.Equal(5, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        using JsonDocument document = JsonDocument.Parse(result.Error);
        JsonElement error = document.RootElement.GetProperty("error");
        Assert.Equal("RecordNotFound", error.GetProperty("code").GetString());
        Assert.Equal("ObjectNotFound", error.GetProperty("category").GetString());
        Assert.Equal(5, error.GetProperty("exitCode").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("msecure://default/nothing/password", "RecordNotFound")]
    [InlineData("msecure://default/github/nothing", "FieldNotFound")]
    [InlineData("msecure://other/github/password", "VaultNotFound")]
    public void Not_found_exits_5(string reference, string code)
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("read", reference);
        Assert.Equal(5, result.ExitCode);
        Assert.StartsWith($"msecure: {code}: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_row_rolled_forward_outside_msecure_exits_6_RecordTampered()
    {
        using var vault = new TestVault();
        using (var connection = new SqliteConnection($"Data Source={vault.VaultPath};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "UPDATE records SET revision = revision + 1";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        CliResult result = vault.Run("read", Reference);
        Assert.Equal(6, result.ExitCode);
        Assert.StartsWith("msecure: RecordTampered: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(TestVault.GitHubPassword, result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_row_deleted_outside_msecure_exits_6_VaultTampered()
    {
        using var vault = new TestVault();
        using (var session = vault.Unlock())
        {
            session.Add(MSecure.Core.Records.RecordDraft.FromTemplate("second", MSecure.Core.Records.RecordTemplate.Login));
        }

        using (var connection = new SqliteConnection($"Data Source={vault.VaultPath};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "DELETE FROM record_contents WHERE record_seq = (SELECT max(seq) FROM records); DELETE FROM records WHERE seq = (SELECT max(seq) FROM records)";
            command.ExecuteNonQuery();
        }

        CliResult result = vault.Run("read", Reference);
        Assert.Equal(6, result.ExitCode);
        Assert.StartsWith("msecure: VaultTampered: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vault_file_that_is_not_a_database_exits_6_VaultCorrupted()
    {
        using var vault = new TestVault();
        byte[] bytes = File.ReadAllBytes(vault.VaultPath);
        bytes.AsSpan(0, 100).Fill(0x5A);
        File.WriteAllBytes(vault.VaultPath, bytes);
        CliResult result = vault.Run("list");
        Assert.Equal(6, result.ExitCode);
        Assert.StartsWith("msecure: VaultCorrupted: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_a_vault_that_exists_exits_8_VaultAlreadyExists()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("init", "--email", "x@example.com", "--kit-out", Path.Combine(vault.Folder, "kit.txt"));
        Assert.Equal(8, result.ExitCode);
        Assert.StartsWith("msecure: VaultAlreadyExists: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_server_exits_7()
    {
        using var vault = new TestVault();
        string kit = Path.Combine(vault.Folder, "kit.txt");
        File.WriteAllText(kit, vault.KitText);
        var environment = vault.Environment();
        environment["MSECURE_VAULT_DIR"] = Path.Combine(vault.Folder, "device2");
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        CliResult result = MsecureProcess.Run(environment, null, "enroll", "--email", "cli@example.com", "--kit-file", kit, "--server", "http://127.0.0.1:9");
        Assert.Equal(7, result.ExitCode);
        Assert.StartsWith("msecure: ServerUnreachable: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kit_file_that_is_not_a_kit_exits_10()
    {
        using var vault = new TestVault();
        string kit = Path.Combine(vault.Folder, "kit.txt");
        File.WriteAllText(kit, "this is not an emergency kit\n");
        var environment = vault.Environment();
        environment["MSECURE_VAULT_DIR"] = Path.Combine(vault.Folder, "device2");
        CliResult result = MsecureProcess.Run(environment, null, "enroll", "--email", "cli@example.com", "--kit-file", kit, "--folder", vault.Folder);
        Assert.Equal(10, result.ExitCode);
        Assert.StartsWith("msecure: KitNotAKit: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vault_folder_others_can_write_exits_9_VaultLocationUnsafe()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only.
        }

        using var vault = new TestVault();
        File.SetUnixFileMode(vault.Folder, File.GetUnixFileMode(vault.Folder) | UnixFileMode.OtherWrite);
        CliResult result = vault.Run("list");
        Assert.Equal(9, result.ExitCode);
        Assert.StartsWith("msecure: VaultLocationUnsafe: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error_2()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("frobnicate");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("msecure: Usage: ", result.Error, StringComparison.Ordinal);
    }
}
