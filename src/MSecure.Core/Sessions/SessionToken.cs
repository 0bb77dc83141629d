using System;
using System.Diagnostics;
using System.Security.Cryptography;

namespace MSecure.Core.Sessions;

/// <summary>
/// A session token issued by <see cref="SessionHandOff.Issue(Vault.VaultSession, TimeSpan)"/>:
/// <c>mss1.</c> + base64url(session id, 16 bytes) + <c>.</c> + base64url(secret, 32 bytes), 71 characters.
/// Its text lives in one pinned array wiped on <see cref="Dispose"/>; <see cref="ToString"/> never shows it.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class SessionToken : IDisposable
{
    private readonly char[] _text;
    private bool _disposed;

    internal SessionToken(ReadOnlySpan<byte> sessionId, ReadOnlySpan<byte> secret, DateTimeOffset expires, string vaultPath)
    {
        _text = GC.AllocateArray<char>(SessionTokenFormat.Length, pinned: true);
        SessionTokenFormat.Write(sessionId, secret, _text);
        Expires = expires;
        VaultPath = vaultPath;
    }

    /// <summary>Wipes the text if the token was never disposed (a safety net only).</summary>
    ~SessionToken() => CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_text.AsSpan()));

    /// <summary>The token's text. Throws <see cref="ObjectDisposedException"/> once disposed.</summary>
    public ReadOnlySpan<char> Text
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _text;
        }
    }

    /// <summary>When the session stops opening the vault.</summary>
    public DateTimeOffset Expires { get; }

    /// <summary>The full path of the vault the token opens.</summary>
    public string VaultPath { get; }

    /// <summary>Wipes the token's text.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_text.AsSpan()));
        _disposed = true;
        GC.SuppressFinalize(this);
    }

    /// <summary>Names the expiry only.</summary>
    public override string ToString() => _disposed ? "SessionToken (disposed)" : $"SessionToken (expires {Expires:u})";
}
