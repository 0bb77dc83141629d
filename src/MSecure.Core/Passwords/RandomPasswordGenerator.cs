using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;

namespace MSecure.Core.Passwords;

/// <summary>
/// Random passwords and passphrases from the operating system's CSPRNG.
/// </summary>
/// <remarks>
/// A character password is drawn uniformly from the whole alphabet, one character at a time
/// (<see cref="UniformRandom"/>), and drawn again from scratch when it lacks one of the chosen
/// classes. That makes every password that holds each class exactly equally likely, so the
/// reported entropy is exact: log2 of the number of such passwords, counted by
/// inclusion-exclusion. (Placing one character per class and shuffling would favour passwords
/// with few characters of the small classes.)
/// </remarks>
public static class RandomPasswordGenerator
{
    /// <summary>Generates a character password.</summary>
    /// <exception cref="MSecureException">Options out of range, or a class left empty by exclusions (code InvalidArgument).</exception>
    public static GeneratedPassword Generate(PasswordOptions options) => Generate(options, RandomNumberGenerator.Fill);

    /// <summary>Generates a passphrase of words from <see cref="PassphraseWordList"/>.</summary>
    /// <exception cref="MSecureException">Options out of range (code InvalidArgument).</exception>
    public static GeneratedPassword GeneratePassphrase(PassphraseOptions options) =>
        GeneratePassphrase(options, RandomNumberGenerator.Fill);

    /// <summary>The entropy in bits of a password made with <paramref name="options"/>.</summary>
    public static double EntropyBits(PasswordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return EntropyBits(ClassesOf(options), options.Length);
    }

    /// <summary>The entropy in bits of a passphrase made with <paramref name="options"/>.</summary>
    public static double EntropyBits(PassphraseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        double bits = options.WordCount * Math.Log2(PassphraseWordList.Count);
        return options.IncludeDigit ? bits + Math.Log2(10.0 * options.WordCount) : bits;
    }

    /// <summary>Generates with injected random bytes (tests).</summary>
    internal static GeneratedPassword Generate(PasswordOptions options, RandomBytesSource randomBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] classes = ClassesOf(options);
        string alphabet = string.Concat(classes);
        var characters = new char[options.Length];
        using var random = new UniformRandom(randomBytes);
        do
        {
            for (int i = 0; i < characters.Length; i++)
            {
                characters[i] = alphabet[random.Next(alphabet.Length)];
            }
        }
        while (!HoldsEveryClass(characters, classes));

        return new GeneratedPassword(characters, EntropyBits(classes, options.Length));
    }

    /// <summary>Generates a passphrase with injected random bytes (tests).</summary>
    internal static GeneratedPassword GeneratePassphrase(PassphraseOptions options, RandomBytesSource randomBytes)
    {
        double bits = EntropyBits(options);
        IReadOnlyList<string> words = PassphraseWordList.Words;
        using var random = new UniformRandom(randomBytes);
        var chosen = new string[options.WordCount];
        for (int i = 0; i < chosen.Length; i++)
        {
            chosen[i] = words[random.Next(words.Count)];
        }

        int digitWord = options.IncludeDigit ? random.Next(chosen.Length) : -1;
        char digit = options.IncludeDigit ? (char)('0' + random.Next(10)) : '\0';
        int length = (chosen.Length - 1) * options.Separator.Length + (options.IncludeDigit ? 1 : 0);
        foreach (string word in chosen)
        {
            length += word.Length;
        }

        var characters = new char[length];
        int position = 0;
        for (int i = 0; i < chosen.Length; i++)
        {
            if (i > 0)
            {
                options.Separator.CopyTo(characters.AsSpan(position));
                position += options.Separator.Length;
            }

            chosen[i].CopyTo(characters.AsSpan(position));
            if (options.Capitalize)
            {
                characters[position] = char.ToUpperInvariant(characters[position]);
            }

            position += chosen[i].Length;
            if (i == digitWord)
            {
                characters[position++] = digit;
            }
        }

        Array.Clear(chosen);
        return new GeneratedPassword(characters, bits);
    }

    /// <summary>
    /// log2 of the number of <paramref name="length"/>-character strings over the union of
    /// <paramref name="classes"/> (disjoint) that hold at least one character of every class:
    /// the sum over subsets S of the classes of (-1)^|S| (N - |S's characters|)^length.
    /// </summary>
    internal static double EntropyBits(IReadOnlyList<string> classes, int length)
    {
        int total = 0;
        foreach (string characterClass in classes)
        {
            total += characterClass.Length;
        }

        BigInteger count = BigInteger.Zero;
        for (int subset = 0; subset < 1 << classes.Count; subset++)
        {
            int left = total;
            for (int i = 0; i < classes.Count; i++)
            {
                if ((subset & (1 << i)) != 0)
                {
                    left -= classes[i].Length;
                }
            }

            BigInteger term = BigInteger.Pow(left, length);
            count += BitOperations.PopCount((uint)subset) % 2 == 0 ? term : -term;
        }

        return BigInteger.Log(count, 2);
    }

    /// <summary>The chosen classes' characters after exclusions, in Uppercase, Lowercase, Digits, Symbols order.</summary>
    internal static string[] ClassesOf(PasswordOptions options)
    {
        if (options.Length is < PasswordOptions.MinimumLength or > PasswordOptions.MaximumLength)
        {
            throw MSecureErrors.InvalidArgument("Length", string.Format(CultureInfo.InvariantCulture,
                "it must be {0} to {1} characters, and it is {2}.", PasswordOptions.MinimumLength, PasswordOptions.MaximumLength, options.Length));
        }

        if (options.CharacterSet == PasswordCharacterSet.None || (options.CharacterSet & ~PasswordCharacterSet.All) != 0)
        {
            throw MSecureErrors.InvalidArgument("CharacterSet", "choose one or more of Uppercase, Lowercase, Digits and Symbols.");
        }

        string excluded = (options.ExcludedCharacters ?? string.Empty) + (options.ExcludeAmbiguous ? PasswordCharacterClasses.Ambiguous : string.Empty);
        var classes = new List<string>(4);
        AddClass(classes, options.CharacterSet, PasswordCharacterSet.Uppercase, PasswordCharacterClasses.Uppercase, excluded);
        AddClass(classes, options.CharacterSet, PasswordCharacterSet.Lowercase, PasswordCharacterClasses.Lowercase, excluded);
        AddClass(classes, options.CharacterSet, PasswordCharacterSet.Digits, PasswordCharacterClasses.Digits, excluded);
        AddClass(classes, options.CharacterSet, PasswordCharacterSet.Symbols, PasswordCharacterClasses.Symbols, excluded);
        if (classes.Count > options.Length)
        {
            throw MSecureErrors.InvalidArgument("Length", "it must be at least the number of character classes chosen.");
        }

        return classes.ToArray();
    }

    private static void AddClass(List<string> classes, PasswordCharacterSet chosen, PasswordCharacterSet which, string characters, string excluded)
    {
        if ((chosen & which) == 0)
        {
            return;
        }

        string kept = string.Concat(Array.FindAll(characters.ToCharArray(), c => excluded.IndexOf(c, StringComparison.Ordinal) < 0));
        if (kept.Length == 0)
        {
            throw MSecureErrors.InvalidArgument("ExcludedCharacters", string.Format(CultureInfo.InvariantCulture,
                "it leaves no character of the class {0}.", which));
        }

        classes.Add(kept);
    }

    private static void Validate(PassphraseOptions options)
    {
        if (options.WordCount is < PassphraseOptions.MinimumWordCount or > PassphraseOptions.MaximumWordCount)
        {
            throw MSecureErrors.InvalidArgument("WordCount", string.Format(CultureInfo.InvariantCulture,
                "it must be {0} to {1}, and it is {2}.", PassphraseOptions.MinimumWordCount, PassphraseOptions.MaximumWordCount, options.WordCount));
        }

        if (options.Separator is null || options.Separator.Length > PassphraseOptions.MaximumSeparatorLength)
        {
            throw MSecureErrors.InvalidArgument("Separator", string.Format(CultureInfo.InvariantCulture,
                "it must be 0 to {0} characters.", PassphraseOptions.MaximumSeparatorLength));
        }
    }

    private static bool HoldsEveryClass(char[] characters, string[] classes)
    {
        foreach (string characterClass in classes)
        {
            if (characters.AsSpan().IndexOfAny(characterClass) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
