using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Records;
using MSecure.Core.Vault;

namespace MSecure.SecretBench;

/// <summary>The bench's throw-away vaults, all with the default KDF (what a user gets) and one password.</summary>
internal static class BenchVaults
{
    public const string Password = "correct horse battery staple";

    public const string Email = "bench@example.com";

    /// <summary>A new vault at <paramref name="path"/> with <paramref name="drafts"/> added in one AddMany; the caller disposes it.</summary>
    public static VaultCreation Create(string path, IEnumerable<RecordDraft> drafts)
    {
        VaultCreation creation = VaultFile.Create(path, Email, Password, KdfParameters.Default);
        creation.Session.AddMany(drafts);
        return creation;
    }

    /// <summary>The name of login <paramref name="i"/>.</summary>
    public static string LoginName(int i) => string.Create(CultureInfo.InvariantCulture, $"login {i:D6}");

    /// <summary>The password of login <paramref name="i"/> (what a read must print).</summary>
    public static string LoginPassword(int i) => string.Create(CultureInfo.InvariantCulture, $"pw-{i:X8}-first-Q7!zK");

    public static List<RecordDraft> Logins(int count) => [.. Enumerable.Range(0, count).Select(Login)];

    private static RecordDraft Login(int i)
    {
        RecordDraft draft = RecordDraft.FromTemplate(LoginName(i), RecordTemplate.Login);
        draft.SetField("Username", string.Create(CultureInfo.InvariantCulture, $"user{i}@example.com"));
        draft.SetField("Password", LoginPassword(i));
        draft.SetField("Website", string.Create(CultureInfo.InvariantCulture, $"https://site{i % 997}.example.com/login"));
        draft.Notes = "Recovery codes are in the safe; rotate every 90 days. Shared with nobody.";
        return draft;
    }

    /// <summary>A folder for one case's files, deleted by the caller.</summary>
    public static string NewFolder(string parent, string name) =>
        Directory.CreateDirectory(Path.Combine(parent, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;
}
