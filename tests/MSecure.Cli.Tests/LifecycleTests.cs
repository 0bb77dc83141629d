using System;
using System.IO;
using System.Text.Json;
using MSecure.Cli.Tests.TestSupport;
using MSecure.Core.Kit;
using MSecure.Core.Kit.Reading;
using MSecure.Core.Vault;
using Xunit;

namespace MSecure.Cli.Tests;

/// <summary>init, kit, passwd, sync and enroll through a shared folder.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public void Init_creates_a_vault_that_opens_with_the_password_and_its_kit()
    {
        using var vault = new TestVault();
        var environment = vault.Environment();
        environment["MSECURE_VAULT_DIR"] = Path.Combine(vault.Folder, "fresh");
        string kit = Path.Combine(vault.Folder, "fresh-kit.txt");
        CliResult result = MsecureProcess.Run(environment, null, "init", "--email", "new@example.com", "--kit-out", kit,
            "--kdf-memory-kib", "19456", "--kdf-passes", "1", "--kdf-lanes", "1", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using (JsonDocument document = JsonDocument.Parse(result.Output))
        {
            Assert.Equal(kit, document.RootElement.GetProperty("kit").GetString());
        }

        EmergencyKit parsed = EmergencyKit.Parse(File.ReadAllText(kit));
        Assert.Equal("new@example.com", parsed.Email);
        using (parsed.Open(TestVault.Password))
        {
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kit));
        }

        Assert.Equal(0, MsecureProcess.Run(environment, null, "list").ExitCode);
    }

    [Fact]
    public void Kit_prints_the_text_and_writes_png_and_html_files()
    {
        using var vault = new TestVault();
        Assert.Equal(vault.KitText + "\n", vault.Run("kit").Output);

        string png = Path.Combine(vault.Folder, "kit.png");
        Assert.Equal(0, vault.Run("kit", "--out", png).ExitCode);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(png)[..4]);

        string html = Path.Combine(vault.Folder, "kit.html");
        Assert.Equal(0, vault.Run("kit", "--format", "html", "--out", html).ExitCode);
        Assert.Equal(vault.KitText, EmergencyKit.Parse(KitFileReader.ReadKitText(html)).ToText());
        Assert.Equal(vault.KitText, EmergencyKit.Parse(KitFileReader.ReadKitText(png)).ToText());

        CliResult again = vault.Run("kit", "--out", png);
        Assert.Equal(8, again.ExitCode);
        Assert.StartsWith("msecure: FileExists: ", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, vault.Run("kit", "--format", "png").ExitCode);
    }

    [Fact]
    public void Passwd_changes_the_password_and_writes_the_new_kit()
    {
        using var vault = new TestVault();
        const string NewPassword = "a different long passphrase 77";
        string kit = Path.Combine(vault.Folder, "new-kit.txt");
        CliResult result = MsecureProcess.Run(vault.Environment(withPassword: false), TestVault.Password + "\n" + NewPassword + "\n",
            "passwd", "--password-stdin", "--new-password-stdin", "--kit-out", kit);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(NewPassword, result.Output + result.Error, StringComparison.Ordinal);

        var environment = vault.Environment(withPassword: false);
        environment["MSECURE_PASSWORD"] = NewPassword;
        Assert.Equal(TestVault.GitHubPassword + "\n", MsecureProcess.Run(environment, null, "read", "msecure://default/github/password").Output);
        Assert.Equal(3, vault.Run("list").ExitCode);
        using (EmergencyKit.Parse(File.ReadAllText(kit)).Open(NewPassword))
        {
        }
    }

    [Fact]
    public void Enroll_from_a_folder_then_sync_carries_a_record_across()
    {
        using var vault = new TestVault();
        string folder = Path.Combine(vault.Folder, "sync");
        Directory.CreateDirectory(folder);
        CliResult first = vault.Run("sync", "--folder", folder, "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        using (JsonDocument document = JsonDocument.Parse(first.Output))
        {
            Assert.Equal(1, document.RootElement.GetProperty("pushed").GetInt32());
            Assert.Equal("Folder", document.RootElement.GetProperty("method").GetString());
        }

        string kit = Path.Combine(vault.Folder, "kit.txt");
        File.WriteAllText(kit, vault.KitText);
        var device2 = vault.Environment();
        device2["MSECURE_VAULT_DIR"] = Path.Combine(vault.Folder, "device2");
        CliResult enrolled = MsecureProcess.Run(device2, null, "enroll", "--email", "cli@example.com", "--kit-file", kit, "--folder", folder, "--json");
        Assert.True(enrolled.ExitCode == 0, enrolled.ToString());
        using (JsonDocument document = JsonDocument.Parse(enrolled.Output))
        {
            Assert.Equal(1, document.RootElement.GetProperty("sync").GetProperty("pulled").GetInt32());
        }

        Assert.Equal(TestVault.GitHubPassword + "\n", MsecureProcess.Run(device2, null, "read", "msecure://default/github/password").Output);

        Assert.Equal(0, MsecureProcess.Run(device2, "from-device-2\n", "set", "shared", "--field", "Password").ExitCode);
        Assert.Equal(0, MsecureProcess.Run(device2, null, "sync", "--folder", folder).ExitCode);
        Assert.Equal(0, vault.Run("sync", "--folder", folder).ExitCode);
        Assert.Equal("from-device-2\n", vault.Run("read", "msecure://default/shared/password").Output);
    }

    [Fact]
    public void Sync_without_a_method_exits_5_SyncNotConfigured()
    {
        using var vault = new TestVault();
        CliResult result = vault.Run("sync");
        Assert.Equal(5, result.ExitCode);
        Assert.StartsWith("msecure: SyncNotConfigured: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_and_help_work_without_a_vault()
    {
        CliResult version = MsecureProcess.Run(new System.Collections.Generic.Dictionary<string, string?>(), null, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("0.", version.Output, StringComparison.Ordinal);
        CliResult help = MsecureProcess.Run(new System.Collections.Generic.Dictionary<string, string?>(), null, "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (string command in new[] { "read", "get", "list", "set", "rm", "run", "kit", "passwd", "sync", "enroll", "init" })
        {
            Assert.Contains("  " + command + " ", help.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("--password ", help.Output, StringComparison.Ordinal);
    }
}
