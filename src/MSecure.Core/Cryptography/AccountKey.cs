using System;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Cryptography;

/// <summary>
/// The Account Key (AK): 46 characters of <see cref="AccountKeyAlphabet"/>, about 297.9 bits,
/// generated on the device and the root of every other key. Held as ASCII bytes in a
/// <see cref="SecretKey"/>; its text form never appears in <see cref="ToString"/> or an error.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class AccountKey : IDisposable
{
    /// <summary>The number of characters (and ASCII bytes) of an Account Key.</summary>
    public const int Length = 46;

    private readonly SecretKey _ascii;

    private AccountKey(SecretKey ascii) => _ascii = ascii;

    /// <summary>Whether the key has been disposed (and wiped).</summary>
    public bool IsDisposed => _ascii.IsDisposed;

    /// <summary>The 46 ASCII bytes: the input keying material of every derived key.</summary>
    internal ReadOnlySpan<byte> AsciiBytes => _ascii.Bytes;

    /// <summary>Generates a new Account Key from the operating system's CSPRNG.</summary>
    public static AccountKey Generate() => Generate(RandomNumberGenerator.Fill);

    /// <summary>Generates an Account Key from <paramref name="randomBytes"/> (tests inject the bytes).</summary>
    internal static AccountKey Generate(RandomBytesSource randomBytes)
    {
        var ascii = SecretKey.CreateEmpty(Length);
        AccountKeyGenerator.Fill(ascii.WritableBytes, randomBytes);
        return new AccountKey(ascii);
    }

    /// <summary>
    /// Reads an Account Key typed or pasted by the user: exactly 46 characters of the alphabet,
    /// nothing trimmed.
    /// </summary>
    /// <exception cref="MSecureException">Wrong length or character (code InvalidAccountKey); the text is never echoed.</exception>
    public static AccountKey Parse(ReadOnlySpan<char> text)
    {
        EnsureLength(text.Length);
        var ascii = SecretKey.CreateEmpty(Length);
        Span<byte> bytes = ascii.WritableBytes;
        for (int i = 0; i < Length; i++)
        {
            if (!AccountKeyAlphabet.Contains(text[i]))
            {
                ascii.Dispose();
                throw InvalidCharacter(i);
            }

            bytes[i] = (byte)text[i];
        }

        return new AccountKey(ascii);
    }

    /// <summary>Rebuilds an Account Key from its 46 ASCII bytes (for example, just unwrapped).</summary>
    /// <exception cref="MSecureException">Wrong length or byte (code InvalidAccountKey).</exception>
    internal static AccountKey FromAscii(ReadOnlySpan<byte> ascii)
    {
        EnsureLength(ascii.Length);
        for (int i = 0; i < Length; i++)
        {
            if (!AccountKeyAlphabet.Contains((char)ascii[i]))
            {
                throw InvalidCharacter(i);
            }
        }

        return new AccountKey(SecretKey.CopyFrom(ascii));
    }

    /// <summary>
    /// Writes the key's 46 characters to <paramref name="destination"/>, for showing it to its
    /// owner. The caller clears the buffer when done.
    /// </summary>
    public void CopyTo(Span<char> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("The destination must hold 46 characters.", nameof(destination));
        }

        ReadOnlySpan<byte> ascii = AsciiBytes;
        for (int i = 0; i < Length; i++)
        {
            destination[i] = (char)ascii[i];
        }
    }

    /// <summary>Wipes the key. Later use throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _ascii.Dispose();

    /// <summary>Describes the key without revealing it.</summary>
    public override string ToString() => IsDisposed ? "AccountKey (disposed)" : "AccountKey (46 characters)";

    private static void EnsureLength(int length)
    {
        if (length != Length)
        {
            throw MSecureErrors.InvalidAccountKey(string.Format(CultureInfo.InvariantCulture,
                "it must be exactly {0} characters long, and this one has {1}.", Length, length));
        }
    }

    private static MSecureException InvalidCharacter(int index) =>
        MSecureErrors.InvalidAccountKey(string.Format(CultureInfo.InvariantCulture,
            "character {0} is not one an Account Key uses (letters, digits and symbols other than ' \" ` \\ $).", index + 1));
}
