using System;
using System.Text;

namespace MSecure.Core.Tests.Kit.Printing;

/// <summary>
/// Kit-shaped text made up by the tests (<c>MSK-</c> and random Base32 groups): it looks like a
/// kit but wraps no key. Printing tests never use a real kit.
/// </summary>
internal static class FakeKit
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Every QR-alphanumeric character once, in the table's order.</summary>
    public const string AllAlphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    /// <summary>A typical kit: 48 groups, 291 characters.</summary>
    public static string Typical() => Text(groups: 48, seed: 1);

    /// <summary><c>MSK</c> and <paramref name="groups"/> groups of five random Base32 characters, joined by dashes.</summary>
    public static string Text(int groups, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("MSK");
        for (int group = 0; group < groups; group++)
        {
            text.Append('-');
            for (int i = 0; i < 5; i++)
            {
                text.Append(Base32Alphabet[random.Next(Base32Alphabet.Length)]);
            }
        }

        return text.ToString();
    }
}
