namespace MSecure.Core.Cryptography;

/// <summary>
/// The 89 characters an Account Key is made of: printable ASCII 0x21 to 0x7E without
/// <c>'</c> <c>"</c> <c>`</c> <c>\</c> <c>$</c>, so a key can sit between single or double
/// quotes in bash or PowerShell without escaping. log2(89) × 46 ≈ 297.9 bits.
/// </summary>
public static class AccountKeyAlphabet
{
    /// <summary>The alphabet, in ASCII order.</summary>
    public const string Characters =
        "!#%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~";

    /// <summary>The number of characters in the alphabet (89).</summary>
    public const int Count = 89;

    /// <summary>
    /// Random bytes below this limit (2 × 89 = 178) are accepted and mapped with
    /// <c>byte % 89</c>; the rest are rejected, so every character is exactly equally likely.
    /// </summary>
    internal const int AcceptanceLimit = 2 * Count;

    /// <summary>Whether <paramref name="character"/> may appear in an Account Key.</summary>
    public static bool Contains(char character) =>
        character is >= '!' and <= '~' and not ('\'' or '"' or '`' or '\\' or '$');
}
