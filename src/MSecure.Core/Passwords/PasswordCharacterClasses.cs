namespace MSecure.Core.Passwords;

/// <summary>
/// The characters of each <see cref="PasswordCharacterSet"/> class. The symbols are those of
/// the Account Key alphabet: printable ASCII without space, <c>'</c> <c>"</c> <c>`</c> <c>\</c>
/// and <c>$</c>, so a generated password can be quoted in bash or PowerShell without escaping.
/// </summary>
public static class PasswordCharacterClasses
{
    /// <summary>A to Z.</summary>
    public const string Uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>a to z.</summary>
    public const string Lowercase = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>0 to 9.</summary>
    public const string Digits = "0123456789";

    /// <summary>27 symbols that need no quoting in a shell.</summary>
    public const string Symbols = "!#%&()*+,-./:;<=>?@[]^_{|}~";

    /// <summary>Characters easily confused with one another when read or typed: 0 O 1 l I |.</summary>
    public const string Ambiguous = "0O1lI|";
}
