using System;
using System.Collections.Generic;
using System.IO;
using MSecure.Core.Cryptography;
using MSecure.Core.Records;
using MSecure.Core.Vault;

namespace MSecure.Cli.Tests.TestSupport;

/// <summary>
/// A vault named 'default' in a temporary vault folder (MSECURE_VAULT_DIR), made through the engine
/// with the cheapest KDF the engine accepts, holding a Login 'github' (Username alice, Password
/// <see cref="GitHubPassword"/>). Deleted on dispose.
/// </summary>
internal sealed class TestVault : IDisposable
{
    internal const string Password = "correct horse battery staple 42";
    internal const string GitHubPassword = "s3cr3t-Value-9f2c";
    internal const string Name = "default";

    internal TestVault()
    {
        Folder = Path.Combine(Path.GetTempPath(), "msecure-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        using VaultCreation creation = VaultFile.Create(VaultPath, "cli@example.com", Password, KdfParameters.Minimum);
        RecordDraft draft = RecordDraft.FromTemplate("github", RecordTemplate.Login);
        draft.SetField("Username", "alice");
        draft.SetField("Password", GitHubPassword);
        creation.Session.Add(draft);
        KitText = creation.Kit.ToText();
    }

    internal string Folder { get; }

    internal string VaultPath => Path.Combine(Folder, Name + VaultLocations.FileExtension);

    /// <summary>The emergency kit's text of the vault.</summary>
    internal string KitText { get; }

    /// <summary>The environment of an msecure process using this vault, with the password in MSECURE_PASSWORD (or none).</summary>
    internal Dictionary<string, string?> Environment(bool withPassword = true)
    {
        var environment = new Dictionary<string, string?> { ["MSECURE_VAULT_DIR"] = Folder };
        if (withPassword)
        {
            environment["MSECURE_PASSWORD"] = Password;
        }

        return environment;
    }

    /// <summary>Runs msecure against this vault.</summary>
    internal CliResult Run(params string[] arguments) => MsecureProcess.Run(Environment(), null, arguments);

    /// <summary>Opens the vault through the engine (the test's own view).</summary>
    internal VaultSession Unlock()
    {
        using VaultFile file = VaultFile.Open(VaultPath);
        return file.Unlock(Password);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
