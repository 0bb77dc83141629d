using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using MSecure.Core.Errors;

namespace MSecure.Core.Cryptography;

/// <summary>
/// Turns a password into the bytes the KDF hashes: Unicode NFKC, then UTF-8, not trimmed.
/// NFKC makes visually identical input (a ligature, a precomposed or decomposed accent) give
/// the same key on every keyboard and platform.
/// </summary>
internal static class PasswordEncoding
{
    /// <summary>
    /// Returns the NFKC-normalised UTF-8 bytes of <paramref name="password"/> in a new pinned
    /// array that the caller must wipe with <see cref="CryptographicOperations.ZeroMemory"/>.
    /// </summary>
    /// <exception cref="MSecureException">
    /// The password is not valid Unicode (an unpaired surrogate); UnicodeNormalizationUnavailable for a
    /// non-ASCII password in a process without Unicode normalisation (globalization-invariant mode).
    /// </exception>
    internal static byte[] ToNormalizedUtf8(ReadOnlySpan<char> password)
    {
        // NFKC leaves ASCII unchanged, and .NET 8 cannot normalise a span without a string.
        if (System.Text.Ascii.IsValid(password))
        {
            byte[] ascii = GC.AllocateArray<byte>(password.Length, pinned: true);
            StrictUtf8.Encoding.GetBytes(password, ascii);
            return ascii;
        }

        // Without NFKC the same password would derive another key than elsewhere: refuse it.
        UnicodeNormalization.EnsureAvailable("password");
        string composed = new(password);
        string? normalized = null;
        try
        {
            normalized = Normalize(composed);
            byte[] utf8 = GC.AllocateArray<byte>(StrictUtf8.Encoding.GetByteCount(normalized), pinned: true);
            StrictUtf8.Encoding.GetBytes(normalized, utf8);
            return utf8;
        }
        finally
        {
            WipeInPlace(composed);
            if (normalized is not null && !ReferenceEquals(normalized, composed))
            {
                WipeInPlace(normalized);
            }
        }
    }

    private static string Normalize(string password)
    {
        try
        {
            return password.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // The runtime's message names the offending index; it is not passed on.
            throw MSecureErrors.InvalidArgument("password", "it is not valid Unicode text (it contains an unpaired surrogate character).");
        }
    }

    /// <summary>
    /// Overwrites a transient string this class created. Strings are immutable by contract, so
    /// this is only done to strings never shared with other code; the empty string is skipped
    /// because it is the interned <see cref="string.Empty"/>.
    /// </summary>
    private static unsafe void WipeInPlace(string transient)
    {
        if (transient.Length == 0)
        {
            return;
        }

        fixed (char* characters = transient)
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(new Span<char>(characters, transient.Length)));
        }
    }
}
