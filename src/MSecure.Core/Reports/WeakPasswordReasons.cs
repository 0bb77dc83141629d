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

    /// <summary>What <paramref name="reason"/> means, in words.</summary>
    public static string Describe(string reason) =>
        reason == LowScore ? "zxcvbn estimates it is found in fewer than about 10^8 guesses (score below 3)"
        : System.Enum.TryParse(reason, out PasswordWeakness weakness) && weakness != PasswordWeakness.None ? VaultPasswordPolicy.Describe(weakness)
        : reason;
}
