using System;
using System.Linq;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using MSecure.Core.Passwords;
using Xunit;

namespace MSecure.Core.Tests.Passwords;

public sealed class VaultPasswordPolicyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("1")]
    [InlineData(" ")]
    [InlineData("")]
    [InlineData("Tr0ub4dor&3")]
    [InlineData("elevenchars")]
    [InlineData("\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9")] // 11 code points
    [InlineData("\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600")] // 6 code points, 12 UTF-16 units
    public void ShorterThan12_IsTooShort(string password)
    {
        Assert.Equal(PasswordWeakness.TooShort, VaultPasswordPolicy.Check(password));
    }

    [Fact]
    public void Length_CountsCodePointsAfterNfkc()
    {
        // "ﬁ" (U+FB01) is two characters after NFKC: six of them make 12.
        Assert.NotEqual(PasswordWeakness.TooShort, VaultPasswordPolicy.Check("\uFB01\uFB01\uFB01\uFB01\uFB01\uFB01"));
        // e + combining acute composes into one code point: 11 "é" stay too short even as 22 UTF-16 units.
        Assert.Equal(PasswordWeakness.TooShort, VaultPasswordPolicy.Check(string.Concat(Enumerable.Repeat("e\u0301", 11))));
    }

    [Theory]
    [InlineData("123456789012")]
    [InlineData("!!!!!!!!!!!!")]
    [InlineData("            ")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("abababababab")]
    [InlineData("xyzxyzxyzxyz")]
    [InlineData("!!!!!!!!!!!a")]
    public void Repetitions_AndDigitRuns_AreRefused(string password)
    {
        Assert.Contains(VaultPasswordPolicy.Check(password), new[] { PasswordWeakness.Repetition, PasswordWeakness.Sequence });
    }

    [Theory]
    [InlineData("8#4!2&9%1^7*")]
    [InlineData("3.14159265358979")]
    public void OnlyDigitsAndSymbols_AreRefused(string password)
    {
        Assert.Equal(PasswordWeakness.NoLetters, VaultPasswordPolicy.Check(password));
    }

    [Theory]
    [InlineData("qwertyuiop123")]
    [InlineData("QWERTYUIOP!!")]
    [InlineData("asdfghjkl;'1")]
    [InlineData("zxcvbnm12345")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("abcdefghijkl")]
    [InlineData("zyxwvutsrqpo")]
    [InlineData("poiuytrewq12")]
    [InlineData("qwertyasdfgh")]
    [InlineData("1234567890ab")]
    [InlineData("azertyuiop12")]
    [InlineData("1q2w3e4r5t6y")]
    public void KeyboardAndAlphabetSequences_AreRefused(string password)
    {
        Assert.Equal(PasswordWeakness.Sequence, VaultPasswordPolicy.Check(password));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password2024!")]
    [InlineData("P@ssw0rd2024")]
    [InlineData("p4$$w0rd!!!!")]
    [InlineData("pass word 1234")]
    [InlineData("pass-word-2024")]
    [InlineData("1234password!")]
    [InlineData("iloveyou2024")]
    [InlineData("!L3tM3!n2024")]
    [InlineData("trustno1trustno1")]
    [InlineData("@dmin1234567")]
    [InlineData("$ecret$$$$$$")]
    [InlineData("monkeymonkey")]
    [InlineData("drowssap1234")]
    [InlineData("passwordqwerty")]
    [InlineData("monkey123abc")]
    [InlineData("Sunshine2025!")]
    [InlineData("welcome-msecure")]
    public void CommonPasswords_WithDecorations_AreRefused(string password)
    {
        Assert.Equal(PasswordWeakness.CommonPassword, VaultPasswordPolicy.Check(password));
    }

    [Theory]
    [InlineData("abacus123456")]
    [InlineData("Zealous!!!!!")]
    [InlineData("2024yearbook!")]
    [InlineData("unhappily-1234")]
    public void ASingleWordOfTheWordList_IsRefused(string password)
    {
        Assert.Equal(PasswordWeakness.DictionaryWord, VaultPasswordPolicy.Check(password));
    }

    [Fact]
    public void EveryWordOfTheWordList_WithDigitsToLength12_IsRefused()
    {
        foreach (string word in PassphraseWordList.Words.Where((_, index) => index % 97 == 0))
        {
            string password = word + new string('7', Math.Max(0, 12 - word.Length));
            Assert.NotEqual(PasswordWeakness.None, VaultPasswordPolicy.Check(password));
        }
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("Correct-Horse-Battery-Staple")]
    [InlineData("tidy oven kite marble")]
    [InlineData("x7$#2!9&%3)b")]
    [InlineData("9#Kd82!@m4$1")]
    [InlineData("Mq8#vT2!pL5z")]
    [InlineData("rotation password")]
    [InlineData("records vault password")]
    [InlineData("first password, long enough")]
    [InlineData("\u043F\u0430\u0440\u043E\u043B\u044C \u0434\u043B\u044F \u0441\u0435\u0439\u0444\u0430")] // Cyrillic words
    [InlineData("\u6211\u7684\u5BC6\u7801\u4FDD\u9669\u7BB1\u5F88\u5B89\u5168\u7684\u5730\u65B9")] // CJK
    public void PassphrasesAndRandomPasswords_AreAccepted(string password)
    {
        Assert.Equal(PasswordWeakness.None, VaultPasswordPolicy.Check(password));
    }

    [Fact]
    public void GeneratedPasswordsAndPassphrases_AreAccepted()
    {
        for (int i = 0; i < 200; i++)
        {
            using GeneratedPassword password = RandomPasswordGenerator.Generate(new PasswordOptions { Length = 16 });
            Assert.Equal(PasswordWeakness.None, VaultPasswordPolicy.Check(password.Characters));
            using GeneratedPassword passphrase = RandomPasswordGenerator.GeneratePassphrase(new PassphraseOptions { WordCount = 4 });
            Assert.Equal(PasswordWeakness.None, VaultPasswordPolicy.Check(passphrase.Characters));
        }
    }

    [Fact]
    public void EnsureStrong_FailsWithWeakPassword_NamingTheRuleButNeverThePassword()
    {
        const string weak = "Password2024!";
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.WeakPassword, () => VaultPasswordPolicy.EnsureStrong(weak));

        Assert.Equal(MSecureErrorCategory.InvalidArgument, error.Category);
        Assert.Contains("common password", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("-AllowWeakPassword", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(weak, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureStrong_AcceptsAStrongPassword()
    {
        VaultPasswordPolicy.EnsureStrong(TestValues.Password);
    }

    [Fact]
    public void ShortPasswords_AreTooShort_BeforeAnyOtherRule()
    {
        MSecureException error = TestValues.AssertFails(MSecureErrorCode.WeakPassword, () => VaultPasswordPolicy.EnsureStrong("a"));

        Assert.Contains("shorter than 12 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnpairedSurrogate_IsInvalidArgument()
    {
        TestValues.AssertFails(MSecureErrorCode.InvalidArgument, () => VaultPasswordPolicy.Check("long enough \uD800 text"));
    }

    [Fact]
    public void WithoutUnicodeNormalisation_ANonAsciiPassword_IsRefusedAsWhenCreatingTheVault()
    {
        UnicodeNormalization.OverrideForTests(false);
        try
        {
            TestValues.AssertFails(MSecureErrorCode.UnicodeNormalizationUnavailable, () => VaultPasswordPolicy.Check("caf\u00E9 terrace garden"));
            Assert.Equal(PasswordWeakness.None, VaultPasswordPolicy.Check("ascii still works fine"));
        }
        finally
        {
            UnicodeNormalization.OverrideForTests(null);
        }
    }

    [Fact]
    public void EveryWeakness_HasADescription()
    {
        foreach (PasswordWeakness weakness in Enum.GetValues<PasswordWeakness>())
        {
            Assert.False(string.IsNullOrWhiteSpace(VaultPasswordPolicy.Describe(weakness)));
        }
    }

    [Fact]
    public void TheCommonList_IsAFewHundredLowerCaseLetterBases()
    {
        Assert.InRange(CommonPasswords.BaseCount, 250, 1000);
        Assert.True(CommonPasswords.IsCommonBase("password"));
        Assert.True(CommonPasswords.IsCommonBase("letmein"));
        Assert.False(CommonPasswords.IsCommonBase("Password"));
        Assert.True(CommonPasswords.IsWord("abacus"));
        Assert.False(CommonPasswords.IsWord("abacusx"));
    }
}
