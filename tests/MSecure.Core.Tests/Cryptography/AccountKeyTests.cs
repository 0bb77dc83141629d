using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using MSecure.Core.Cryptography;
using MSecure.Core.Errors;
using Xunit;

namespace MSecure.Core.Tests.Cryptography;

public sealed class AccountKeyTests
{
    private const string ExcludedCharacters = "'\"`\\$";

    [Fact]
    public void Alphabet_IsPrintableAsciiWithoutTheFiveQuotingCharacters()
    {
        string expected = new(Enumerable.Range(0x21, 0x7E - 0x21 + 1)
            .Select(code => (char)code)
            .Where(c => !ExcludedCharacters.Contains(c, StringComparison.Ordinal))
            .ToArray());

        Assert.Equal(AccountKeyAlphabet.Characters, expected);
        Assert.Equal(89, AccountKeyAlphabet.Characters.Length);
        Assert.Equal(AccountKeyAlphabet.Count, AccountKeyAlphabet.Characters.Length);
        Assert.Equal(AccountKeyAlphabet.Characters.Length, AccountKeyAlphabet.Characters.Distinct().Count());
        for (int code = 0; code < 128; code++)
        {
            Assert.Equal(AccountKeyAlphabet.Characters.Contains((char)code, StringComparison.Ordinal), AccountKeyAlphabet.Contains((char)code));
        }
    }

    [Fact]
    public void Entropy_IsAbout298Bits()
    {
        double bits = AccountKey.Length * Math.Log2(AccountKeyAlphabet.Count);

        Assert.InRange(bits, 297.8, 298.0);
    }

    [Fact]
    public void Generate_Gives46AlphabetCharacters_AndDifferentKeys()
    {
        using var first = AccountKey.Generate();
        using var second = AccountKey.Generate();

        string firstText = TestValues.TextOf(first);
        Assert.Equal(46, firstText.Length);
        Assert.All(firstText, c => Assert.True(AccountKeyAlphabet.Contains(c)));
        Assert.NotEqual(firstText, TestValues.TextOf(second));
    }

    [Fact]
    public void Generate_SkipsBytesFrom178Up_AndMapsAcceptedBytesModulo89()
    {
        // Every other byte is rejected (178..255); the accepted ones count 0, 1, 2, ... 177, 0, ...
        int counter = 0;
        void Source(Span<byte> destination)
        {
            for (int i = 0; i < destination.Length; i++, counter++)
            {
                destination[i] = counter % 2 == 0
                    ? (byte)(178 + (counter / 2 % 78))
                    : (byte)(counter / 2 % 178);
            }
        }

        using var key = AccountKey.Generate(Source);

        string expected = new(Enumerable.Range(0, 46).Select(k => AccountKeyAlphabet.Characters[k % 178 % 89]).ToArray());
        Assert.Equal(expected, TestValues.TextOf(key));
    }

    [Fact]
    public void Generate_Accepts177_Rejects178_AndKeepsDrawingWhenABatchIsAllRejected()
    {
        int calls = 0;
        void Source(Span<byte> destination)
        {
            calls++;
            if (calls == 1)
            {
                destination.Fill(0xFF);
                return;
            }

            destination.Fill(178);
            destination[0] = 177;
            destination[1] = 0;
            destination[2] = 89;
            destination[3] = 88;
            destination[4] = 178;
            destination[5] = 1;
        }

        using var key = AccountKey.Generate(Source);

        string text = TestValues.TextOf(key);
        // Each useful batch gives 5 characters: '~' (177 % 89 = 88), '!' (0), '!' (89 % 89 = 0), '~' (88), '#' (1).
        Assert.StartsWith("~!!~#~!!~#", text, StringComparison.Ordinal);
        Assert.Equal(1 + 10, calls); // one all-rejected batch, then ten batches of five characters
        Assert.Equal(46, text.Length);
    }

    [Fact]
    public void Generate_IsUniform_ChiSquareOver20000Keys()
    {
        long[] counts = new long[AccountKeyAlphabet.Count];
        for (int i = 0; i < 20_000; i++)
        {
            using var key = AccountKey.Generate();
            foreach (byte character in key.AsciiBytes)
            {
                counts[AccountKeyAlphabet.Characters.IndexOf((char)character, StringComparison.Ordinal)]++;
            }
        }

        Assert.InRange(ChiSquare.Statistic(counts), 0, ChiSquare.Threshold);
    }

    [Fact]
    public void ChiSquareTest_CatchesAModuloBiasedGenerator()
    {
        // The mistake rejection sampling prevents: alphabet[b % 89] for every byte. Characters
        // 0..77 then come up 3 times in 256, characters 78..88 only twice.
        long[] counts = new long[AccountKeyAlphabet.Count];
        byte[] randomBytes = new byte[46];
        for (int i = 0; i < 20_000; i++)
        {
            RandomNumberGenerator.Fill(randomBytes);
            foreach (byte b in randomBytes)
            {
                counts[b % AccountKeyAlphabet.Count]++;
            }
        }

        Assert.True(ChiSquare.Statistic(counts) > 10 * ChiSquare.Threshold,
            "the chi-square threshold must reject a modulo-biased generator by a wide margin");
    }

    [Fact]
    public void Parse_ReadsAValidKey()
    {
        using AccountKey key = TestValues.FixedAccountKey();

        Assert.Equal(TestValues.AccountKeyText, TestValues.TextOf(key));
        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(TestValues.AccountKeyText), key.AsciiBytes.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(45)]
    [InlineData(47)]
    public void Parse_RejectsAWrongLength(int length)
    {
        string text = new('A', length);

        MSecureException exception = TestValues.AssertFails(MSecureErrorCode.InvalidAccountKey, () => AccountKey.Parse(text));
        Assert.Contains(length.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DoesNotTrim()
    {
        TestValues.AssertFails(MSecureErrorCode.InvalidAccountKey, () => AccountKey.Parse(" " + TestValues.AccountKeyText[1..]));
    }

    public static IEnumerable<object[]> ForbiddenCharacters() =>
        "'\"`\\$ \té\u0000\u007F".Select(c => new object[] { c });

    [Theory]
    [MemberData(nameof(ForbiddenCharacters))]
    public void Parse_RejectsACharacterOutsideTheAlphabet_NamingThePositionNotTheText(char forbidden)
    {
        string text = TestValues.AccountKeyText[..20] + forbidden + TestValues.AccountKeyText[21..];

        MSecureException exception = TestValues.AssertFails(MSecureErrorCode.InvalidAccountKey, () => AccountKey.Parse(text));
        Assert.Contains("character 21", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestValues.AccountKeyText[..8], exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        var key = TestValues.FixedAccountKey();

        Assert.Equal("AccountKey (46 characters)", key.ToString());
        key.Dispose();
        Assert.Equal("AccountKey (disposed)", key.ToString());
        Assert.Throws<ObjectDisposedException>(() => TestValues.TextOf(key));
    }

    private static class ChiSquare
    {
        /// <summary>
        /// 89 categories, 88 degrees of freedom: mean 88, standard deviation 13.3. 170 is past the
        /// 1-in-a-million upper tail (about 166 by Wilson–Hilferty), so a fair generator fails
        /// less than once in a million runs; the biased one scores about 12,000.
        /// </summary>
        public const double Threshold = 170;

        public static double Statistic(long[] counts)
        {
            double expected = counts.Sum() / (double)counts.Length;
            return counts.Sum(observed => (observed - expected) * (observed - expected) / expected);
        }
    }
}
