using System;
using System.Buffers;
using System.Text;

namespace MSecure.Core.Passwords;

/// <summary>
/// The pattern checks of <see cref="VaultPasswordPolicy"/>, on a password already normalised and
/// in lower case. Each check looks at the password's "core": what remains after taking off the
/// digits, symbols and spaces at its ends, undoing look-alike substitutions and dropping spaces,
/// '-', '_' and '.' between its parts. Several cores are tried (with and without substitutions,
/// with 1 read as l or as i, with '@' and '$' at the ends read as letters or as symbols), and the
/// whole password without spaces too, so "P@ssw0rd2024", "$ecret!!!!!!!" and "1qaz2wsx3edc" are
/// all caught. Every buffer is pinned and wiped.
/// </summary>
internal static class PasswordAnalysis
{
    /// <summary>Above this length a core is not split into joined sequences and common passwords (the split is quadratic).</summary>
    private const int MaximumSplitLength = 64;

    /// <summary>The shortest keyboard or alphabet run counted as one part of a joined password.</summary>
    private const int MinimumRunPart = 3;

    /// <summary>Repeating a group of at most this many characters is a repetition whatever the group.</summary>
    private const int MaximumShortPattern = 3;

    private static readonly Variant[] Variants =
    [
        new(KeepStart: false, KeepEnd: false, One: '\0'),
        new(KeepStart: false, KeepEnd: false, One: 'l'),
        new(KeepStart: false, KeepEnd: false, One: 'i'),
        new(KeepStart: true, KeepEnd: false, One: 'l'),
        new(KeepStart: true, KeepEnd: false, One: 'i'),
        new(KeepStart: false, KeepEnd: true, One: 'l'),
        new(KeepStart: false, KeepEnd: true, One: 'i'),
        new(KeepStart: true, KeepEnd: true, One: 'l'),
        new(KeepStart: true, KeepEnd: true, One: 'i'),
    ];

    /// <summary>The first weakness found in <paramref name="lower"/> (normalised, lower case, long enough), or None.</summary>
    internal static PasswordWeakness Analyse(ReadOnlySpan<char> lower)
    {
        if (IsShortRepetition(lower))
        {
            return PasswordWeakness.Repetition;
        }

        char[] whole = GC.AllocateArray<char>(lower.Length, pinned: true);
        char[] core = GC.AllocateArray<char>(lower.Length, pinned: true);
        char[] scratch = GC.AllocateArray<char>(lower.Length, pinned: true);
        try
        {
            // Spaces never matter, and a repeated password is judged by what it repeats ("trustno1trustno1").
            ReadOnlySpan<char> compact = whole.AsSpan(0, WithoutSpaces(lower, whole));
            if (IsShortRepetition(compact))
            {
                return PasswordWeakness.Repetition;
            }

            ReadOnlySpan<char> unit = compact[..Period(compact)];
            PasswordWeakness weakness = Judge(unit, scratch);
            foreach (Variant variant in Variants)
            {
                if (weakness != PasswordWeakness.None)
                {
                    return weakness;
                }

                int length = CoreOf(unit, core, variant);
                weakness = length == 0 ? PasswordWeakness.NoLetters : Judge(core.AsSpan(0, length), scratch);
            }

            return weakness;
        }
        finally
        {
            Array.Clear(whole);
            Array.Clear(core);
            Array.Clear(scratch);
        }
    }

    /// <summary>The weakness of one core: a repetition, a sequence, a common password or word, or several joined.</summary>
    private static PasswordWeakness Judge(ReadOnlySpan<char> core, Span<char> scratch)
    {
        if (core.IsEmpty)
        {
            return PasswordWeakness.None;
        }

        if (IsShortRepetition(core) || core.Length == 1)
        {
            return PasswordWeakness.Repetition;
        }

        ReadOnlySpan<char> unit = core[..Period(core)];
        if (PasswordSequences.IsRun(unit))
        {
            return PasswordWeakness.Sequence;
        }

        Span<char> reversed = scratch[..unit.Length];
        unit.CopyTo(reversed);
        reversed.Reverse();
        if (CommonPasswords.IsCommonBase(unit) || CommonPasswords.IsCommonBase(reversed))
        {
            return PasswordWeakness.CommonPassword;
        }

        if (CommonPasswords.IsWord(unit))
        {
            return PasswordWeakness.DictionaryWord;
        }

        return Split(unit);
    }

    /// <summary>
    /// Whether <paramref name="core"/> is made entirely of keyboard or alphabet runs (at least three
    /// characters each) and common passwords, joined: "qwertyasdfgh", "password123qwe".
    /// </summary>
    private static PasswordWeakness Split(ReadOnlySpan<char> core)
    {
        if (core.Length > MaximumSplitLength)
        {
            return PasswordWeakness.None;
        }

        // reachable[i]: core[..i] splits into parts; usedCommon[i]: one of them is a common password.
        Span<bool> reachable = stackalloc bool[core.Length + 1];
        Span<bool> usedCommon = stackalloc bool[core.Length + 1];
        reachable[0] = true;
        for (int end = 1; end <= core.Length; end++)
        {
            for (int start = 0; start < end && !reachable[end]; start++)
            {
                if (!reachable[start] || end - start < MinimumRunPart)
                {
                    continue;
                }

                ReadOnlySpan<char> part = core[start..end];
                if (PasswordSequences.IsRun(part))
                {
                    reachable[end] = true;
                    usedCommon[end] = usedCommon[start];
                }
                else if (CommonPasswords.IsCommonBase(part))
                {
                    reachable[end] = true;
                    usedCommon[end] = true;
                }
            }
        }

        return !reachable[core.Length] ? PasswordWeakness.None
            : usedCommon[core.Length] ? PasswordWeakness.CommonPassword
            : PasswordWeakness.Sequence;
    }

    /// <summary>Whether <paramref name="text"/> is a group of at most three characters repeated ("aaaa", "abab", "            ").</summary>
    private static bool IsShortRepetition(ReadOnlySpan<char> text)
    {
        int period = Period(text);
        return period <= MaximumShortPattern && period < text.Length;
    }

    /// <summary>The length of the shortest group that, repeated, makes up <paramref name="text"/> (its own length when none does).</summary>
    private static int Period(ReadOnlySpan<char> text)
    {
        for (int period = 1; period <= text.Length / 2; period++)
        {
            if (text.Length % period == 0 && text[period..].SequenceEqual(text[..^period]))
            {
                return period;
            }
        }

        return text.Length;
    }

    /// <summary>Copies <paramref name="text"/> without white space; returns the length.</summary>
    private static int WithoutSpaces(ReadOnlySpan<char> text, Span<char> destination)
    {
        int length = 0;
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                destination[length++] = c;
            }
        }

        return length;
    }

    /// <summary>Writes the core of <paramref name="lower"/> for <paramref name="variant"/> into <paramref name="destination"/>; returns its length.</summary>
    private static int CoreOf(ReadOnlySpan<char> lower, Span<char> destination, Variant variant)
    {
        (int start, int length) = TrimmedRange(lower, variant.KeepStart, variant.KeepEnd);
        Span<char> work = destination[..length];
        for (int i = 0; i < length; i++)
        {
            work[i] = variant.One == '\0' ? lower[start + i] : Substitute(lower[start + i], variant.One);
        }

        (int innerStart, int innerLength) = TrimmedRange(work, keepStart: false, keepEnd: false);
        int written = 0;
        for (int i = innerStart; i < innerStart + innerLength; i++)
        {
            // In place: written <= i, so no character is overwritten before it is read.
            if (!IsSeparator(work[i]))
            {
                destination[written++] = work[i];
            }
        }

        destination[written..].Clear();
        return written;
    }

    /// <summary>
    /// Where <paramref name="text"/> is once the characters at its ends that are not letters are
    /// taken off; '@' and '$' count as letters at the start when <paramref name="keepStart"/>, at
    /// the end when <paramref name="keepEnd"/>.
    /// </summary>
    private static (int Start, int Length) TrimmedRange(ReadOnlySpan<char> text, bool keepStart, bool keepEnd)
    {
        int start = 0;
        while (start < text.Length && !Keeps(text[start..], keepStart, fromEnd: false, out int consumed))
        {
            start += consumed;
        }

        int end = text.Length;
        while (end > start && !Keeps(text[start..end], keepEnd, fromEnd: true, out int consumed))
        {
            end -= consumed;
        }

        return (start, end - start);
    }

    /// <summary>Whether the first (or last) character of <paramref name="text"/> stays in the core; an unpaired surrogate does not.</summary>
    private static bool Keeps(ReadOnlySpan<char> text, bool keepLookAlikes, bool fromEnd, out int consumed)
    {
        OperationStatus status = fromEnd ? Rune.DecodeLastFromUtf16(text, out Rune rune, out consumed) : Rune.DecodeFromUtf16(text, out rune, out consumed);
        consumed = Math.Max(consumed, 1);
        return status == OperationStatus.Done && (Rune.IsLetter(rune) || (keepLookAlikes && rune.Value is '@' or '$'));
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is '-' or '_' or '.';

    private static char Substitute(char c, char one) => c switch
    {
        '0' => 'o',
        '1' => one,
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '@' => 'a',
        '$' => 's',
        '!' => 'i',
        _ => c,
    };

    /// <summary>One way of reading a password's core.</summary>
    /// <param name="KeepStart">Whether '@' and '$' at the start are read as letters (a, s) rather than taken off.</param>
    /// <param name="KeepEnd">The same at the end.</param>
    /// <param name="One">What '1' is read as ('l' or 'i'), or '\0' for no look-alike substitution at all.</param>
    private readonly record struct Variant(bool KeepStart, bool KeepEnd, char One);
}
