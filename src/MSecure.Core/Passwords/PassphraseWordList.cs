using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace MSecure.Core.Passwords;

/// <summary>
/// The passphrase word list, embedded in the assembly: the EFF large list for passphrases
/// (CC BY 3.0 US) without its four hyphenated words: 7,772 distinct lowercase a-z words of
/// 3 to 9 letters, about 12.9 bits each.
/// </summary>
public static class PassphraseWordList
{
    private const string ResourceName = "MSecure.Core.Passwords.WordList.txt";

    private static readonly Lazy<IReadOnlyList<string>> s_words = new(Load);

    /// <summary>The words, in the list's (alphabetical) order.</summary>
    public static IReadOnlyList<string> Words => s_words.Value;

    /// <summary>The number of words.</summary>
    public static int Count => Words.Count;

    private static string[] Load()
    {
        using Stream stream = typeof(PassphraseWordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The passphrase word list is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new List<string>(8192);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line);
            }
        }

        return words.ToArray();
    }
}
