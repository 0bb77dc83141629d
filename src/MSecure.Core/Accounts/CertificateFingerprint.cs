using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MSecure.Core.Errors;

namespace MSecure.Core.Accounts;

/// <summary>The SHA-256 fingerprint of a server certificate, as clients pin it: 64 hex digits.</summary>
public static class CertificateFingerprint
{
    /// <summary>The number of hex digits of a SHA-256 fingerprint.</summary>
    public const int HexLength = 2 * 32;

    /// <summary>
    /// <paramref name="text"/> as 64 uppercase hex digits: any case, with or without ':' (or
    /// space) separators, as <c>msecure-server fingerprint</c> and browsers print it.
    /// </summary>
    /// <exception cref="MSecureException">InvalidArgument when it is not 64 hex digits.</exception>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string digits = text.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal)
            .ToUpperInvariant();
        if (digits.Length != HexLength || !digits.AsSpan().ContainsOnlyHexUpper())
        {
            throw MSecureErrors.InvalidArgument("CertificateThumbprint", "it must be the certificate's SHA-256 fingerprint: 64 hex digits, with or without ':' separators.");
        }

        return digits;
    }

    /// <summary>The fingerprint of <paramref name="certificate"/>, 64 uppercase hex digits.</summary>
    public static string Of(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    /// <summary>Whether <paramref name="certificate"/> has the <paramref name="expected"/> (normalized) fingerprint.</summary>
    internal static bool Matches(X509Certificate certificate, string expected)
    {
        byte[] actual = certificate.GetCertHash(HashAlgorithmName.SHA256);
        byte[] pinned = Convert.FromHexString(expected);
        return CryptographicOperations.FixedTimeEquals(actual, pinned);
    }

    private static bool ContainsOnlyHexUpper(this ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiHexDigitUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
