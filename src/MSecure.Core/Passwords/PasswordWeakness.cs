namespace MSecure.Core.Passwords;

/// <summary>Why <see cref="VaultPasswordPolicy"/> refuses a vault password; <see cref="None"/> when it does not.</summary>
public enum PasswordWeakness
{
    /// <summary>The password meets the policy.</summary>
    None,

    /// <summary>Fewer than <see cref="VaultPasswordPolicy.MinimumLength"/> characters.</summary>
    TooShort,

    /// <summary>Only digits, symbols and spaces: no word-like part at all.</summary>
    NoLetters,

    /// <summary>One character, or a short group of characters, repeated.</summary>
    Repetition,

    /// <summary>A keyboard row or walk, or a run of the alphabet or of digits (qwerty, asdf, 1234, abcd).</summary>
    Sequence,

    /// <summary>A common password, or a few common passwords and sequences joined.</summary>
    CommonPassword,

    /// <summary>A single word of the passphrase word list.</summary>
    DictionaryWord,
}
