using MSecure.Core.Passwords;

namespace MSecure.Core.Reports;

/// <summary>
/// The reasons a security report gives for a weak password: <see cref="LowScore"/> (zxcvbn), or
/// a <see cref="PasswordWeakness"/> name of the vault password policy's analysis (TooShort,
/// NoLetters, Repetition, Sequence, CommonPassword, DictionaryWord). Stable names, for scripts.
/// </summary>
public static class WeakPasswordReasons
{
    /// <summary>zxcvbn's score is below 3: fewer than about 10^8 guesses find it.</summary>
    public const string LowScore = "LowScore";
}
