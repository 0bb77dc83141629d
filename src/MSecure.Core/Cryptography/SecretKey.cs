using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace MSecure.Core.Cryptography;

/// <summary>
/// Secret key material (the Account Key's characters, the unlock key, a derived key) held in
/// one pinned array, so the garbage collector never leaves copies behind, and wiped with
/// <see cref="CryptographicOperations.ZeroMemory"/> on <see cref="Dispose"/>.
/// Its text form and debugger display show only the length, never a byte.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class SecretKey : IDisposable
{
    private readonly byte[] _bytes;
    private bool _disposed;

    private SecretKey(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        _bytes = GC.AllocateArray<byte>(length, pinned: true);
    }

    /// <summary>Wipes the key if it was never disposed (a safety net, not a substitute for Dispose).</summary>
    ~SecretKey() => Wipe();

    /// <summary>The number of bytes of key material.</summary>
    public int Length => _bytes.Length;

    /// <summary>Whether the key has been disposed (and wiped).</summary>
    public bool IsDisposed => _disposed;

    /// <summary>The key bytes. Throws <see cref="ObjectDisposedException"/> once disposed.</summary>
    internal ReadOnlySpan<byte> Bytes => WritableBytes;

    /// <summary>The key bytes, for code that fills a freshly created key.</summary>
    internal Span<byte> WritableBytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes;
        }
    }

    /// <summary>Creates a zero-filled key of <paramref name="length"/> bytes, to be filled by the caller.</summary>
    internal static SecretKey CreateEmpty(int length) => new(length);

    /// <summary>Creates a key holding a copy of <paramref name="source"/>; the caller wipes its own copy.</summary>
    internal static SecretKey CopyFrom(ReadOnlySpan<byte> source)
    {
        var key = new SecretKey(source.Length);
        source.CopyTo(key._bytes);
        return key;
    }

    /// <summary>Wipes the key material. Later use throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Wipe();
        GC.SuppressFinalize(this);
    }

    /// <summary>Describes the key by its length only.</summary>
    public override string ToString() =>
        _disposed
            ? "SecretKey (disposed)"
            : string.Format(CultureInfo.InvariantCulture, "SecretKey ({0} bytes)", _bytes.Length);

    private void Wipe()
    {
        CryptographicOperations.ZeroMemory(_bytes);
        _disposed = true;
    }
}
