namespace MSecure.Core.Passwords;

/// <summary>What a random passphrase looks like.</summary>
public sealed class PassphraseOptions
{
    /// <summary>The default number of words: 6 words of the 7,772-word list give about 77.5 bits.</summary>
    public const int DefaultWordCount = 6;

    /// <summary>The fewest words.</summary>
    public const int MinimumWordCount = 3;

    /// <summary>The most words.</summary>
    public const int MaximumWordCount = 64;

    /// <summary>The longest separator.</summary>
    public const int MaximumSeparatorLength = 16;

    /// <summary>The number of words, <see cref="MinimumWordCount"/> to <see cref="MaximumWordCount"/>.</summary>
    public int WordCount { get; init; } = DefaultWordCount;

    /// <summary>Written between words; may be empty.</summary>
    public string Separator { get; init; } = "-";

    /// <summary>Writes each word with a capital first letter (adds no entropy).</summary>
    public bool Capitalize { get; init; }

    /// <summary>Appends one random digit to one randomly chosen word.</summary>
    public bool IncludeDigit { get; init; }
}
