using System;
using System.Collections.Generic;
using System.Linq;
using MSecure.Core.Errors;
using MSecure.Core.Passwords;
using Zxcvbn;
using Zxcvbn.Matcher;

namespace MSecure.Core.Reports;

/// <summary>
/// Judges a record's password with two estimators that find different things:
/// <list type="bullet">
/// <item>zxcvbn (zxcvbn-core): a guess-count estimate over its own ranked lists (30,000 common
/// passwords, English words, names, surnames, TV and film words), l33t substitutions, keyboard
/// walks (QWERTY, Dvorak, keypad), repeats, sequences, dates and years, and the record's own name
/// and user name. Its score (0 to 4) below <see cref="MinimumScore"/> is <c>LowScore</c>.</item>
/// <item>the vault password policy's analysis (<see cref="VaultPasswordPolicy"/>): fewer than 12
/// characters (<c>TooShort</c>: zxcvbn rates 8 random characters 4, which an offline attack on a
/// leaked fast hash still breaks), and, after undoing case, look-alikes and padding, a common base
/// joined with sequences ("password123qwe"), AZERTY/QWERTZ rows, a single word of the
/// passphrase list, only digits and symbols, or a short repetition.</item>
/// </list>
/// zxcvbn looks at the first <see cref="MaximumEstimatedLength"/> characters only (its time grows
/// faster than the length; the estimate of a prefix is a lower bound of the whole).
/// </summary>
internal sealed class PasswordStrengthEstimator
{
    /// <summary>The lowest zxcvbn score (0 to 4) that is not weak: 3 means about 10^8 guesses and up.</summary>
    internal const int MinimumScore = 3;

    /// <summary>How many characters zxcvbn looks at.</summary>
    internal const int MaximumEstimatedLength = 64;

    private readonly Zxcvbn.Zxcvbn _zxcvbn = new(new OnceMatcherFactory());

    /// <summary>The strength of <paramref name="password"/> (not empty); <paramref name="userInputs"/> are words of the record a password should not be built on.</summary>
    internal PasswordStrength Estimate(string password, IEnumerable<string> userInputs)
    {
        string estimated = password.Length > MaximumEstimatedLength ? password[..MaximumEstimatedLength] : password;
        Result result = _zxcvbn.EvaluatePassword(estimated, userInputs);
        var reasons = new List<string>(2);
        if (result.Score < MinimumScore)
        {
            reasons.Add(WeakPasswordReasons.LowScore);
        }

        if (PolicyWeakness(password) is { } weakness and not PasswordWeakness.None)
        {
            reasons.Add(weakness.ToString());
        }

        return new PasswordStrength(result.Score, result.Entropy, reasons);
    }

    /// <summary>The vault policy's first finding, or null when it cannot judge (a non-ASCII password where Unicode normalisation is unavailable, an unpaired surrogate).</summary>
    private static PasswordWeakness? PolicyWeakness(string password)
    {
        try
        {
            return VaultPasswordPolicy.Check(password);
        }
        catch (MSecureException)
        {
            return null;
        }
    }

    /// <summary>
    /// zxcvbn-core's default matchers, each run once per password. The library unions the
    /// matchers' lazy results and filters that union once per character, so its default
    /// matchers run again for every character (three times slower on typical passwords); a
    /// matcher whose result is a list runs once. Same matchers and dictionaries as its default
    /// factory (which is internal), so the same estimates.
    /// </summary>
    private sealed class OnceMatcherFactory : IMatcherFactory
    {
        private readonly List<IMatcher> _matchers;

        public OnceMatcherFactory()
        {
            var dictionaries = new List<DictionaryMatcher>
            {
                new("passwords", "passwords.lst"),
                new("english", "english.lst"),
                new("male_names", "male_names.lst"),
                new("female_names", "female_names.lst"),
                new("surnames", "surnames.lst"),
                new("us_tv_and_film", "us_tv_and_film.lst"),
            };
            _matchers =
            [
                new RepeatMatcher(),
                new SequenceMatcher(),
                new RegexMatcher("\\d{3,}", 10, true, "digits"),
                new RegexMatcher("19\\d\\d|200\\d|201\\d", 119, false, "year"),
                new DateMatcher(),
                new SpatialMatcher(),
                .. dictionaries,
                new L33tMatcher(dictionaries),
            ];
        }

        public IEnumerable<IMatcher> CreateMatchers(IEnumerable<string> userInputs)
        {
            var userDictionary = new DictionaryMatcher("user_inputs", userInputs);
            return _matchers.Append(userDictionary).Append(new L33tMatcher(userDictionary)).Select(matcher => (IMatcher)new Once(matcher)).ToList();
        }

        private sealed class Once(IMatcher matcher) : IMatcher
        {
            public IEnumerable<Match> MatchPassword(string password) => matcher.MatchPassword(password).ToList();
        }
    }
}
