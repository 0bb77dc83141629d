using System;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Passwords;
using Xunit;

namespace MSecure.Core.Tests.Passwords;

public sealed class PassphraseTests
{
    [Fact]
    public void WordList_HasAtLeast2048_DistinctLowercaseWords()
    {
        var words = PassphraseWordList.Words;

        Assert.Equal(7772, words.Count);
        Assert.True(words.Count >= 2048);
        Assert.Equal(words.Count, words.Distinct(StringComparer.Ordinal).Count());
        Assert.All(words, word =>
        {
            Assert.InRange(word.Length, 3, 9);
            Assert.All(word, c => Assert.InRange(c, 'a', 'z'));
        });
    }

    [Fact]
    public void Default_IsSixListWords_JoinedByDashes()
    {
        using GeneratedPassword passphrase = RandomPasswordGenerator.GeneratePassphrase(new PassphraseOptions());

        string[] words = passphrase.Characters.ToString().Split('-');
        Assert.Equal(6, words.Length);
        Assert.All(words, word => Assert.Contains(word, PassphraseWordList.Words));
    }

    [Fact]
    public void Separator_Capitalize_AndDigit_AreApplied()
    {
        var options = new PassphraseOptions { WordCount = 5, Separator = " ", Capitalize = true, IncludeDigit = true };
        for (int i = 0; i < 50; i++)
        {
            using GeneratedPassword passphrase = RandomPasswordGenerator.GeneratePassphrase(options);
            string[] words = passphrase.Characters.ToString().Split(' ');

            Assert.Equal(5, words.Length);
            Assert.Equal(1, words.Count(w => char.IsAsciiDigit(w[^1])));
            Assert.All(words, word =>
            {
                Assert.True(char.IsAsciiLetterUpper(word[0]));
                string bare = word.TrimEnd("0123456789".ToCharArray()).ToLowerInvariant();
                Assert.Contains(bare, PassphraseWordList.Words);
            });
        }
    }

    [Fact]
    public void EmptySeparator_Concatenates()
    {
        using GeneratedPassword passphrase = RandomPasswordGenerator.GeneratePassphrase(new PassphraseOptions { WordCount = 3, Separator = "" });

        Assert.All(passphrase.Characters.ToString(), c => Assert.InRange(c, 'a', 'z'));
        Assert.InRange(passphrase.Length, 9, 27);
    }

    [Fact]
    public void Words_AreUniformOverTheList_ChiSquare()
    {
        // Bucket words by list position into 64 bins: uniform word choice gives uniform bins.
        var index = PassphraseWordList.Words.Select((word, i) => (word, i)).ToDictionary(p => p.word, p => p.i, StringComparer.Ordinal);
        long[] bins = new long[64];
        for (int i = 0; i < 1000; i++)
        {
            using GeneratedPassword passphrase = RandomPasswordGenerator.GeneratePassphrase(new PassphraseOptions { WordCount = 64, Separator = " " });
            foreach (string word in passphrase.Characters.ToString().Split(' '))
            {
                bins[(long)index[word] * 64 / PassphraseWordList.Count]++;
            }
        }

        // The 7,772 words do not split evenly into 64 bins: compare against each bin's share.
        double statistic = 0;
        long total = bins.Sum();
        for (int b = 0; b < 64; b++)
        {
            int first = (int)Math.Ceiling(b * PassphraseWordList.Count / 64.0);
            int next = (int)Math.Ceiling((b + 1) * PassphraseWordList.Count / 64.0);
            double expected = total * (next - first) / (double)PassphraseWordList.Count;
            statistic += (bins[b] - expected) * (bins[b] - expected) / expected;
        }

        Assert.True(statistic < ChiSquare.CriticalValue(63), $"chi-square {statistic:F1}");
    }

    [Theory]
    [InlineData(6, false, 77.54)]
    [InlineData(4, false, 51.70)]
    [InlineData(6, true, 83.45)]
    public void Entropy_IsWordsTimesLog2OfTheListSize_PlusTheDigit(int wordCount, bool digit, double expected)
    {
        var options = new PassphraseOptions { WordCount = wordCount, IncludeDigit = digit };
        double bits = RandomPasswordGenerator.EntropyBits(options);
        double exact = wordCount * Math.Log2(7772) + (digit ? Math.Log2(10 * wordCount) : 0);

        Assert.Equal(exact, bits, 9);
        Assert.Equal(expected, bits, 2);
        using GeneratedPassword passphrase = RandomPasswordGenerator.GeneratePassphrase(options);
        Assert.Equal(bits, passphrase.EntropyBits);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(65)]
    public void WordCount_OutOfRange_IsInvalidArgument(int wordCount)
    {
        var error = Assert.Throws<MSecureException>(() => RandomPasswordGenerator.GeneratePassphrase(new PassphraseOptions { WordCount = wordCount }));

        Assert.Equal(MSecureErrorCode.InvalidArgument, error.Code);
    }
}
