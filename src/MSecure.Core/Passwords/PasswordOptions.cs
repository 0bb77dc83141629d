namespace MSecure.Core.Passwords;

/// <summary>What a random character password looks like.</summary>
public sealed class PasswordOptions
{
    /// <summary>The default length.</summary>
    public const int DefaultLength = 20;

    /// <summary>The shortest password: one character of each of the four classes.</summary>
    public const int MinimumLength = 4;

    /// <summary>The longest password.</summary>
    public const int MaximumLength = 1024;

    /// <summary>The number of characters, <see cref="MinimumLength"/> to <see cref="MaximumLength"/>.</summary>
    public int Length { get; init; } = DefaultLength;

    /// <summary>The classes to draw from; the password holds at least one character of each.</summary>
    public PasswordCharacterSet CharacterSet { get; init; } = PasswordCharacterSet.All;

    /// <summary>Leaves out <see cref="PasswordCharacterClasses.Ambiguous"/>.</summary>
    public bool ExcludeAmbiguous { get; init; }

    /// <summary>Further characters to leave out (for a site that refuses some symbols).</summary>
    public string ExcludedCharacters { get; init; } = string.Empty;
}
