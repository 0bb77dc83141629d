using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Passwords;
using Xunit;

namespace MSecure.Core.Tests.Passwords;

public sealed class RandomPasswordGeneratorTests
{
    private static readonly SearchValues<char> AmbiguousCharacters = SearchValues.Create(PasswordCharacterClasses.Ambiguous);
    private static readonly SearchValues<char> SomeExcludedCharacters = SearchValues.Create("abc#%&");

    private static readonly (PasswordCharacterSet Set, string Characters)[] Classes =
    [
        (PasswordCharacterSet.Uppercase, PasswordCharacterClasses.Uppercase),
        (PasswordCharacterSet.Lowercase, PasswordCharacterClasses.Lowercase),
        (PasswordCharacterSet.Digits, PasswordCharacterClasses.Digits),
        (PasswordCharacterSet.Symbols, PasswordCharacterClasses.Symbols),
    ];

    [Fact]
    public void Classes_AreDisjoint_AndMakeTheAccountKeyAlphabet()
    {
        string all = string.Concat(Classes.Select(c => c.Characters));

        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.Equal(
            MSecure.Core.Cryptography.AccountKeyAlphabet.Characters.OrderBy(c => c),
            all.OrderBy(c => c));
    }

    [Fact]
    public void Default_Is20Characters_OfEveryClass()
    {
        using GeneratedPassword password = RandomPasswordGenerator.Generate(new PasswordOptions());

        Assert.Equal(20, password.Length);
        string text = password.Characters.ToString();
        foreach ((_, string characters) in Classes)
        {
            Assert.Contains(text, c => characters.Contains(c, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(64)]
    [InlineData(1024)]
    public void Length_IsExact(int length)
    {
        using GeneratedPassword password = RandomPasswordGenerator.Generate(new PasswordOptions { Length = length });

        Assert.Equal(length, password.Characters.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(1025)]
    public void Length_OutOfRange_IsInvalidArgument(int length)
    {
        var error = Assert.Throws<MSecureException>(() => RandomPasswordGenerator.Generate(new PasswordOptions { Length = length }));

        Assert.Equal(MSecureErrorCode.InvalidArgument, error.Code);
    }

    [Theory]
    [InlineData(PasswordCharacterSet.Uppercase)]
    [InlineData(PasswordCharacterSet.Lowercase | PasswordCharacterSet.Digits)]
    [InlineData(PasswordCharacterSet.Digits | PasswordCharacterSet.Symbols)]
    [InlineData(PasswordCharacterSet.All)]
    public void EveryChosenClass_IsPresent_AndNoOther(PasswordCharacterSet set)
    {
        for (int i = 0; i < 200; i++)
        {
            using GeneratedPassword password = RandomPasswordGenerator.Generate(new PasswordOptions { Length = 4, CharacterSet = set });
            string text = password.Characters.ToString();
            foreach ((PasswordCharacterSet which, string characters) in Classes)
            {
                bool present = text.Any(c => characters.Contains(c, StringComparison.Ordinal));
                Assert.Equal((set & which) != 0, present);
            }
        }
    }

    [Fact]
    public void ExcludeAmbiguous_LeavesOutTheAmbiguousCharacters()
    {
        for (int i = 0; i < 100; i++)
        {
            using GeneratedPassword password = RandomPasswordGenerator.Generate(new PasswordOptions { Length = 200, ExcludeAmbiguous = true });

            Assert.True(password.Characters.IndexOfAny(AmbiguousCharacters) < 0);
        }
    }

    [Fact]
    public void ExcludedCharacters_AreLeftOut()
    {
        using GeneratedPassword password = RandomPasswordGenerator.Generate(new PasswordOptions { Length = 1024, ExcludedCharacters = "abc#%&" });

        Assert.True(password.Characters.IndexOfAny(SomeExcludedCharacters) < 0);
    }

    [Fact]
    public void ExcludingAWholeClass_IsInvalidArgument()
    {
        var error = Assert.Throws<MSecureException>(() => RandomPasswordGenerator.Generate(
            new PasswordOptions { CharacterSet = PasswordCharacterSet.Digits | PasswordCharacterSet.Lowercase, ExcludedCharacters = "23456789", ExcludeAmbiguous = true }));

        Assert.Equal(MSecureErrorCode.InvalidArgument, error.Code);
        Assert.Contains("Digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCharacterSet_IsInvalidArgument()
    {
        Assert.Throws<MSecureException>(() => RandomPasswordGenerator.Generate(new PasswordOptions { CharacterSet = PasswordCharacterSet.None }));
    }

    [Fact]
    public void SingleClass_CharactersAreUniform_ChiSquare()
    {
        // With one class there is no class condition: every character is uniform over it.
        long[] counts = new long[PasswordCharacterClasses.Lowercase.Length];
        for (int i = 0; i < 100; i++)
        {
            using GeneratedPassword password = RandomPasswordGenerator.Generate(
                new PasswordOptions { Length = 1024, CharacterSet = PasswordCharacterSet.Lowercase });
            foreach (char c in password.Characters)
            {
                counts[c - 'a']++;
            }
        }

        ChiSquare.AssertUniform(counts);
    }

    [Fact]
    public void AllClasses_LongPasswords_CharactersAreUniform_ChiSquare()
    {
        // At 1,024 characters a password lacking a class is vanishingly rare, so the class
        // condition leaves each character uniform over the 89 of the alphabet.
        string alphabet = string.Concat(Classes.Select(c => c.Characters));
        long[] counts = new long[alphabet.Length];
        for (int i = 0; i < 100; i++)
        {
            using GeneratedPassword password = RandomPasswordGenerator.Generate(new PasswordOptions { Length = 1024 });
            foreach (char c in password.Characters)
            {
                counts[alphabet.IndexOf(c, StringComparison.Ordinal)]++;
            }
        }

        ChiSquare.AssertUniform(counts);
    }

    [Fact]
    public void ShortPasswords_EveryValidPasswordIsEquallyLikely_ChiSquare()
    {
        // Two classes {A, B} and {0}, length 4: the valid passwords are the 81 - 16 - 1 = 64
        // strings over {A, B, 0} holding a letter and a digit. Rejection sampling makes them
        // equally likely (placing one per class and shuffling would not).
        var options = new PasswordOptions
        {
            Length = 4,
            CharacterSet = PasswordCharacterSet.Uppercase | PasswordCharacterSet.Digits,
            ExcludedCharacters = "CDEFGHIJKLMNOPQRSTUVWXYZ123456789",
        };
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < 42_000; i++)
        {
            using GeneratedPassword password = RandomPasswordGenerator.Generate(options);
            string text = password.Characters.ToString();
            counts[text] = counts.GetValueOrDefault(text) + 1;
        }

        // 3^4 - 2^4 - 1 = 64 valid strings.
        Assert.Equal(64, counts.Count);
        ChiSquare.AssertUniform(counts.Values.ToArray());
    }

    [Fact]
    public void Entropy_OneClass_IsLengthTimesLog2OfItsSize()
    {
        double bits = RandomPasswordGenerator.EntropyBits(new PasswordOptions { Length = 16, CharacterSet = PasswordCharacterSet.Digits });

        Assert.Equal(16 * Math.Log2(10), bits, 9);
    }

    [Fact]
    public void Entropy_MatchesABruteForceCount()
    {
        string[] classes = ["ab", "c", "de"];
        string alphabet = string.Concat(classes);
        for (int length = 3; length <= 6; length++)
        {
            long valid = 0;
            long total = (long)Math.Pow(alphabet.Length, length);
            for (long n = 0; n < total; n++)
            {
                var used = new bool[classes.Length];
                long rest = n;
                for (int i = 0; i < length; i++)
                {
                    char c = alphabet[(int)(rest % alphabet.Length)];
                    rest /= alphabet.Length;
                    used[Array.FindIndex(classes, k => k.Contains(c, StringComparison.Ordinal))] = true;
                }

                if (used.All(u => u))
                {
                    valid++;
                }
            }

            Assert.Equal(Math.Log2(valid), RandomPasswordGenerator.EntropyBits(classes, length), 9);
        }
    }

    [Fact]
    public void Entropy_Default_IsJustUnder20TimesLog2Of89()
    {
        double bits = RandomPasswordGenerator.EntropyBits(new PasswordOptions());
        double unconstrained = 20 * Math.Log2(89);

        // Requiring each class removes the passwords that lack one: about 9.5% of them at 20
        // characters, nearly all of them for want of a digit.
        Assert.InRange(bits, unconstrained - 0.2, unconstrained - 0.1);
    }

    [Fact]
    public void Entropy_1024Characters_IsFinite()
    {
        double bits = RandomPasswordGenerator.EntropyBits(new PasswordOptions { Length = 1024 });

        Assert.Equal(1024 * Math.Log2(89), bits, 6);
    }

    [Fact]
    public void GeneratedPassword_ReportsItsOptionsEntropy_AndHidesItselfInToString()
    {
        var options = new PasswordOptions { Length = 12, ExcludeAmbiguous = true };
        using GeneratedPassword password = RandomPasswordGenerator.Generate(options);

        Assert.Equal(RandomPasswordGenerator.EntropyBits(options), password.EntropyBits);
        Assert.DoesNotContain(password.Characters.ToString(), password.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_WipesTheCharacters()
    {
        GeneratedPassword password = RandomPasswordGenerator.Generate(new PasswordOptions());
        password.Dispose();

        Assert.Throws<ObjectDisposedException>(() => password.Characters.Length);
    }
}
