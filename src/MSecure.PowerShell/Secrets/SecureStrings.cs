using System;
using System.Runtime.InteropServices;
using System.Security;

namespace MSecure.PowerShell.Secrets;

/// <summary>
/// The only place a SecureString's characters are read: between
/// <see cref="Marshal.SecureStringToGlobalAllocUnicode"/> and
/// <see cref="Marshal.ZeroFreeGlobalAllocUnicode"/>, in a <c>finally</c>.
/// </summary>
internal static class SecureStrings
{
    /// <summary>A use of a secret's characters that must not keep them.</summary>
    internal delegate TResult SecretFunc<TResult>(ReadOnlySpan<char> characters);

    /// <summary>A use of two secrets' characters that must not keep them.</summary>
    internal delegate TResult SecretPairFunc<TResult>(ReadOnlySpan<char> first, ReadOnlySpan<char> second);

    /// <summary>Calls <paramref name="use"/> with the characters of <paramref name="secret"/>, then wipes them.</summary>
    internal static unsafe TResult Use<TResult>(SecureString secret, SecretFunc<TResult> use)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(use);
        IntPtr unmanaged = IntPtr.Zero;
        try
        {
            unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secret);
            return use(new ReadOnlySpan<char>((void*)unmanaged, secret.Length));
        }
        finally
        {
            if (unmanaged != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
            }
        }
    }

    /// <summary>Calls <paramref name="use"/> with the characters of two secrets, then wipes both.</summary>
    internal static unsafe TResult Use<TResult>(SecureString first, SecureString second, SecretPairFunc<TResult> use)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(use);
        IntPtr firstUnmanaged = IntPtr.Zero, secondUnmanaged = IntPtr.Zero;
        try
        {
            firstUnmanaged = Marshal.SecureStringToGlobalAllocUnicode(first);
            secondUnmanaged = Marshal.SecureStringToGlobalAllocUnicode(second);
            return use(new ReadOnlySpan<char>((void*)firstUnmanaged, first.Length), new ReadOnlySpan<char>((void*)secondUnmanaged, second.Length));
        }
        finally
        {
            if (firstUnmanaged != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(firstUnmanaged);
            }

            if (secondUnmanaged != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(secondUnmanaged);
            }
        }
    }

    /// <summary>A read-only SecureString holding <paramref name="characters"/>.</summary>
    /// <param name="characters">The secret.</param>
    /// <param name="what">What the secret is, for the error when it is too long ("The MSECURE_PASSWORD environment variable").</param>
    /// <exception cref="Core.Errors.MSecureException">SecretTooLong: more than the 65,536 characters a SecureString holds.</exception>
    internal static unsafe SecureString FromSpan(ReadOnlySpan<char> characters, string what = "The secret")
    {
        if (characters.Length > Core.Records.SecureStringLimit.MaximumLength)
        {
            throw Core.Errors.MSecureErrors.SecretTooLong(what, characters.Length, string.Empty);
        }

        SecureString secret;
        fixed (char* pointer = characters)
        {
            secret = characters.IsEmpty ? new SecureString() : new SecureString(pointer, characters.Length);
        }

        secret.MakeReadOnly();
        return secret;
    }

    /// <summary>The characters as a string: only for <c>-AsPlainText</c>, which the user asked for.</summary>
    internal static string ToPlainText(SecureString secret) => Use(secret, static characters => new string(characters));

    /// <summary>Whether two secrets hold the same characters (compared in constant time for equal lengths).</summary>
    internal static bool AreEqual(SecureString first, SecureString second) =>
        first.Length == second.Length
        && Use(first, second, static (a, b) => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(a), System.Runtime.InteropServices.MemoryMarshal.AsBytes(b)));
}
