using System;
using System.Security.Cryptography;
using System.Text;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Passwords;

/// <summary>
/// The rule a NEW vault password must meet (creating a vault, changing its password), unless the
/// user explicitly accepts a weak one. The password guards the wrapped Account Key against an
/// offline guessing attack on a stolen vault file or kit, so the rule refuses what guessers try
/// first:
/// <list type="number">
/// <item>fewer than 12 characters, counted as Unicode code points after NFKC normalisation (the
/// form the key derivation hashes; code points rather than user-perceived characters, because
/// their count is the same on every platform and Unicode version);</item>
/// <item>then, ignoring case, look-alike substitutions (0→o, 1→l or i, 3→e, 4→a, 5→s, 7→t, !→i, @→a,
/// $→s), digits, symbols and spaces added at either end, and spaces, '-', '_' and '.' between
/// parts, a password whose remaining part is empty (only digits and symbols), one character or a
/// group of up to three repeated, a keyboard row or walk or a run of the alphabet or digits
/// (qwerty, asdf, 1qaz, abcd, 9876), a common password or several joined with such sequences,
/// or a single word of the passphrase word list.</item>
/// </list>
/// A passphrase of several random words ("correct horse battery staple") passes. The password
/// never becomes a managed string: it is analysed in pinned buffers that are wiped afterwards.
/// </summary>
public static class VaultPasswordPolicy
{
    /// <summary>The fewest characters (code points after NFKC) a vault password may have.</summary>
    public const int MinimumLength = 12;

    /// <summary>The rule, as the documentation and error messages state it.</summary>
    public const string Rule =
        "A vault password needs at least 12 characters and must not be built on a common password, a single dictionary word, " +
        "a keyboard or alphabet sequence, or a repetition (ignoring case, look-alike substitutions such as 0 for o or @ for a, " +
        "and digits or symbols added at the ends).";

    /// <summary>Why <paramref name="password"/> is too weak for a vault, or <see cref="PasswordWeakness.None"/>.</summary>
    /// <exception cref="MSecureException">
    /// InvalidArgument: an unpaired surrogate. UnicodeNormalizationUnavailable: a non-ASCII password
    /// in a process without Unicode normalisation (as when the vault is created).
    /// </exception>
    public static PasswordWeakness Check(ReadOnlySpan<char> password)
    {
        byte[] utf8 = PasswordEncoding.ToNormalizedUtf8(password);
        char[]? normalized = null;
        try
        {
            normalized = GC.AllocateArray<char>(StrictUtf8.Encoding.GetCharCount(utf8), pinned: true);
            int length = StrictUtf8.Encoding.GetChars(utf8, normalized);
            Span<char> text = normalized.AsSpan(0, length);
            if (CountCodePoints(text) < MinimumLength)
            {
                return PasswordWeakness.TooShort;
            }

            for (int i = 0; i < text.Length; i++)
            {
                text[i] = char.ToLowerInvariant(text[i]);
            }

            return PasswordAnalysis.Analyse(text);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(utf8);
            if (normalized is not null)
            {
                Array.Clear(normalized);
            }
        }
    }

    /// <summary>WeakPassword unless <paramref name="password"/> meets the policy.</summary>
    /// <exception cref="MSecureException">WeakPassword, with the reason and the rule (never the password); InvalidArgument, UnicodeNormalizationUnavailable as <see cref="Check"/>.</exception>
    public static void EnsureStrong(ReadOnlySpan<char> password)
    {
        PasswordWeakness weakness = Check(password);
        if (weakness != PasswordWeakness.None)
        {
            throw MSecureErrors.WeakPassword(Describe(weakness), Rule);
        }
    }

    /// <summary>What is wrong, in words: "it is shorter than 12 characters".</summary>
    public static string Describe(PasswordWeakness weakness) => weakness switch
    {
        PasswordWeakness.None => "it meets the policy",
        PasswordWeakness.TooShort => "it is shorter than 12 characters",
        PasswordWeakness.NoLetters => "it is only digits, symbols or spaces",
        PasswordWeakness.Repetition => "it is a repeated character or a short repeated pattern",
        PasswordWeakness.Sequence => "it is a keyboard, alphabet or digit sequence",
        PasswordWeakness.CommonPassword => "it is built on a common password",
        PasswordWeakness.DictionaryWord => "it is built on a single dictionary word",
        _ => throw new ArgumentOutOfRangeException(nameof(weakness), weakness, "Not a defined weakness."),
    };

    private static int CountCodePoints(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (Rune _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
