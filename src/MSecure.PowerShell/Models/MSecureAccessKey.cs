using System;
using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>
/// A read-only access key as New-/Get-MSecureAccessKey show it. <see cref="Token"/> is set only on
/// the object New-MSecureAccessKey writes (a SecureString, or a String with -AsPlainText), once;
/// the format view never shows it.
/// </summary>
public sealed class MSecureAccessKey
{
    internal MSecureAccessKey(Guid id, string name, string tag, DateTimeOffset created, DateTimeOffset? expires, bool onServer, string vaultPath, object? token)
    {
        Id = id;
        Name = name;
        Tag = tag;
        Created = created;
        Expires = expires;
        OnServer = onServer;
        VaultPath = vaultPath;
        Token = token;
    }

    /// <summary>The key's id (Revoke-MSecureAccessKey -Id).</summary>
    public Guid Id { get; }

    /// <summary>The key's name.</summary>
    public string Name { get; }

    /// <summary>The tag whose records it reads.</summary>
    public string Tag { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>When it stops working, or null for never.</summary>
    public DateTimeOffset? Expires { get; }

    /// <summary>Whether it has expired.</summary>
    public bool Expired => Expires is { } at && at <= DateTimeOffset.UtcNow;

    /// <summary>Whether it reads through the account server (else it reads the vault file).</summary>
    public bool OnServer { get; }

    /// <summary>The vault the key belongs to (binds -Vault by property name).</summary>
    public string VaultPath { get; }

    /// <summary>The token (New-MSecureAccessKey only): a SecureString, or a String with -AsPlainText. Store it as the pipeline's secret MSECURE_ACCESS_KEY.</summary>
    public object? Token { get; }

    /// <summary>Name and id, never the token.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1})", Formatting.TerminalText.Of(Name), Id);
}
