using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace MSecure.Core.Passwords;

/// <summary>
/// A generated password or passphrase and its entropy. The characters live in one array that
/// <see cref="Dispose"/> wipes; <see cref="ToString"/> never shows them.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class GeneratedPassword : IDisposable
{
    private readonly char[] _characters;
    private bool _disposed;

    internal GeneratedPassword(char[] characters, double entropyBits)
    {
        _characters = characters;
        EntropyBits = entropyBits;
    }

    /// <summary>The password. Read it before disposing; copies are the caller's to wipe.</summary>
    public ReadOnlySpan<char> Characters
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _characters;
        }
    }

    /// <summary>The number of characters.</summary>
    public int Length => _characters.Length;

    /// <summary>
    /// log2 of the number of equally likely outputs the generator chose from: what an attacker
    /// who knows the options must search.
    /// </summary>
    public double EntropyBits { get; }

    /// <summary>Wipes the characters.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_characters.AsSpan()));
        _disposed = true;
    }

    /// <summary>Describes the password without revealing it.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "GeneratedPassword ({0} characters, {1:F1} bits)", Length, EntropyBits);
}
