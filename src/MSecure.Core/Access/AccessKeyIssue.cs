using System;
using System.Security.Cryptography;

namespace MSecure.Core.Access;

/// <summary>
/// A new access key and its token, shown once. The token text lives in a pinned array wiped on
/// <see cref="Dispose"/>; the vault keeps only the secret, sealed under the Account Key.
/// </summary>
public sealed class AccessKeyIssue : IDisposable
{
    private readonly char[] _token;
    private bool _disposed;

    internal AccessKeyIssue(AccessKeyInfo info, char[] token)
    {
        Info = info;
        _token = token;
    }

    /// <summary>The key as listed.</summary>
    public AccessKeyInfo Info { get; }

    /// <summary>False when the key's server did not take its grants now (the next sync uploads them).</summary>
    public bool GrantsUploaded { get; init; } = true;

    /// <summary>The token text (<c>msa1.…</c>); empty after <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<char> Token => _disposed ? ReadOnlySpan<char>.Empty : _token;

    /// <summary>Wipes the token text.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_token.AsSpan()));
    }

    /// <summary>Shows the key's id and name, never the token.</summary>
    public override string ToString() => "AccessKeyIssue " + Info.Id.ToString("D");
}
