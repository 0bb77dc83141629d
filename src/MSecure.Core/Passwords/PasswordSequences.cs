using System;
using System.Linq;

namespace MSecure.Core.Passwords;

/// <summary>
/// Runs people type instead of choosing: keyboard rows (QWERTY, AZERTY, QWERTZ), keyboard walks
/// down the columns, the alphabet and the digits, forwards and backwards.
/// </summary>
internal static class PasswordSequences
{
    private static readonly string[] Forward =
    [
        "abcdefghijklmnopqrstuvwxyz",
        "01234567890",
        "1234567890-=",
        "!@#$%^&*()_+",
        "qwertyuiopasdfghjklzxcvbnm",
        "qwertyuiop[]",
        "asdfghjkl;'",
        "zxcvbnm,./",
        "azertyuiop",
        "qsdfghjklm",
        "wxcvbn",
        "qwertzuiop",
        "yxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
        "qazwsxedcrfvtgbyhnujmikolp",
        "1q2w3e4r5t6y7u8i9o0p",
        "q1w2e3r4t5y6u7i8o9p0",
        "zaq1xsw2cde3vfr4bgt5nhy6mju7",
    ];

    private static readonly string[] Backward = Forward.Select(Reverse).ToArray();

    /// <summary>Whether <paramref name="text"/> (not empty) appears in a sequence, forwards or backwards.</summary>
    internal static bool IsRun(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (string sequence in Forward)
        {
            if (sequence.AsSpan().IndexOf(text) >= 0)
            {
                return true;
            }
        }

        foreach (string sequence in Backward)
        {
            if (sequence.AsSpan().IndexOf(text) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Reverse(string text)
    {
        char[] characters = text.ToCharArray();
        Array.Reverse(characters);
        return new string(characters);
    }
}
