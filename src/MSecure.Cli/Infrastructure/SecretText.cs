using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace MSecure.Cli.Infrastructure;

/// <summary>Characters of a secret in a pinned array (the GC never copies it), zeroed on dispose.</summary>
internal sealed class SecretText : IDisposable
{
    private readonly char[] _characters;
    private readonly int _length;

    private SecretText(char[] characters, int length)
    {
        _characters = characters;
        _length = length;
    }

    /// <summary>The secret's characters.</summary>
    internal ReadOnlySpan<char> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_length < 0, this);
            return _characters.AsSpan(0, _length);
        }
    }

    /// <summary>A pinned copy of <paramref name="characters"/>.</summary>
    internal static SecretText Copy(ReadOnlySpan<char> characters)
    {
        char[] pinned = GC.AllocateUninitializedArray<char>(characters.Length, pinned: true);
        characters.CopyTo(pinned);
        return new SecretText(pinned, characters.Length);
    }

    /// <summary>Zeroes the characters.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_characters.AsSpan()));
}
