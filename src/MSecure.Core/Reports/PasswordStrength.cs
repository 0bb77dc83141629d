using System.Collections.Generic;

namespace MSecure.Core.Reports;

/// <summary>What <see cref="PasswordStrengthEstimator"/> found about one password; never the password.</summary>
/// <param name="Score">zxcvbn's score, 0 (guessed at once) to 4 (very hard to guess).</param>
/// <param name="EntropyBits">zxcvbn's estimate: log2 of the guesses needed.</param>
/// <param name="Reasons">Why it is weak (<see cref="WeakPasswordReasons"/>); empty when it is not.</param>
internal sealed record PasswordStrength(int Score, double EntropyBits, IReadOnlyList<string> Reasons);
