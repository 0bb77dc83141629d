using System.Globalization;

namespace MSecure.PowerShell.Models;

/// <summary>
/// A generated password with what is known about its strength, written by
/// <c>New-MSecureRandomPassword -Detailed</c>. The default views never show <see cref="Password"/>.
/// </summary>
public sealed class RandomPasswordInfo
{
    internal RandomPasswordInfo(object password, string kind, int length, double entropyBits, string description)
    {
        Password = password;
        Kind = kind;
        Length = length;
        EntropyBits = entropyBits;
        Description = description;
    }

    /// <summary>The password: a SecureString, or a String with <c>-AsPlainText</c>.</summary>
    public object Password { get; }

    /// <summary><c>Characters</c> or <c>Passphrase</c>.</summary>
    public string Kind { get; }

    /// <summary>The number of characters.</summary>
    public int Length { get; }

    /// <summary>log2 of the number of equally likely passwords the generator chose from.</summary>
    public double EntropyBits { get; }

    /// <summary>The character classes, or the word count and list size.</summary>
    public string Description { get; }

    /// <summary>Describes the password without revealing it.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} password ({1} characters, {2:F1} bits)", Kind, Length, EntropyBits);
}
