using System;
using System.Collections.Generic;
using System.Linq;

namespace MSecure.Core.Passwords;

/// <summary>
/// What <see cref="VaultPasswordPolicy"/> treats as common: a short list of the bases of the most
/// used passwords, written by hand for this project from general knowledge (no third-party list
/// is copied), and every single word of the passphrase word list. Entries are in the form the
/// policy compares: lower case letters, after look-alike substitutions and without the digits
/// and symbols people add at the ends ("P@ssw0rd123" compares as "password"). Lookups take spans,
/// so the password never becomes a string.
/// </summary>
internal static class CommonPasswords
{
    private const string Bases = """
        password passwort passwd passe pass passpass passcode mypassword mypass newpassword oldpassword
        motdepasse contrasena senha parola wachtwoord salasana haslo heslo jelszo sifre adgangskode losenord
        letmein letmeinnow iloveyou iloveu loveyou loveme lovely lover lovers love ihateyou
        welcome hello hellothere hiya howdy goodbye opensesame openup trustme trustno trustnoone believe
        admin administrator root toor guest user username login logon default changeme changeit
        secret secrets private access master masterkey superuser sysadmin manager server database
        oracle mysql postgres sqlserver cisco vmware powershell msecure vault keepass lastpass
        security secure letmeinplease nopassword blank empty none nothing something anything whatever
        test testing tester demo sample example temp temporary qwertz azerty
        monkey dragon football baseball basketball soccer hockey golf tennis cricket rugby
        shadow sunshine princess prince queen king knight angel angels devil heaven jesus christ
        michael jennifer jordan hunter ranger buster tigger charlie george andrew thomas robert
        matthew daniel joshua anthony william richard jessica ashley amanda michelle nicole sarah
        jasmine maggie pepper ginger samantha victoria elizabeth alexander christopher jonathan
        justin brandon nicholas taylor hannah madison austin tyler joseph james david john
        superman batman spiderman ironman starwars startrek pokemon naruto minecraft fortnite
        skywalker gandalf merlin zorro matrix neo ninja pirate cowboy cowboys
        computer internet google yahoo hotmail gmail facebook twitter instagram linkedin
        microsoft windows apple macbook iphone samsung android linux ubuntu
        freedom liberty justice summer winter spring autumn
        january february march april june july august september october november december
        monday tuesday wednesday thursday friday saturday sunday
        killer hacker cracker mustang corvette ferrari porsche mercedes harley
        cheese chocolate cookie cookies banana orange flower flowers purple butterfly
        family friends friend forever baby babygirl babyboy mother father mommy daddy
        money dollar diamond golden silver thunder lightning phoenix
        yankees lakers chelsea arsenal liverpool barcelona tigers eagles dakota
        snoopy scooter bailey buddy sparky shelby jamesbond bond
        london paris berlin america canada
        rockyou blink abcdef asdfgh qwerty qwertyuiop
        """;

    private static readonly Lazy<string[]> s_bases = new(() => Sorted(Bases.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    private static readonly Lazy<string[]> s_words = new(() => Sorted(PassphraseWordList.Words));

    /// <summary>Whether <paramref name="text"/> is one of the common password bases.</summary>
    internal static bool IsCommonBase(ReadOnlySpan<char> text) => Contains(s_bases.Value, text);

    /// <summary>Whether <paramref name="text"/> is a single word of the passphrase word list.</summary>
    internal static bool IsWord(ReadOnlySpan<char> text) => Contains(s_words.Value, text);

    /// <summary>The number of common password bases (for tests).</summary>
    internal static int BaseCount => s_bases.Value.Length;

    private static string[] Sorted(IEnumerable<string> words) =>
        words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    private static bool Contains(string[] sorted, ReadOnlySpan<char> text)
    {
        int low = 0, high = sorted.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            int comparison = sorted[middle].AsSpan().SequenceCompareTo(text);
            if (comparison == 0)
            {
                return true;
            }

            if (comparison < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }
}
