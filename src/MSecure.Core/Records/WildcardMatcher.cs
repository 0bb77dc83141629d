using System;
using System.Collections.Generic;
using System.Globalization;
using MSecure.Core.Errors;

namespace MSecure.Core.Records;

/// <summary>
/// A PowerShell-style wildcard pattern, matched ignoring case (invariant culture) against the
/// whole text:
/// <c>*</c> matches any run of characters, <c>?</c> exactly one, <c>[abc]</c> one of the listed
/// characters, <c>[a-z]</c> one in the range (ranges and single characters mix: <c>[a-cx]</c>).
/// A backtick makes the next character literal, inside brackets too (<c>`*</c>, <c>`[</c>,
/// <c>[`-]</c>). As in PowerShell: a <c>]</c> right after <c>[</c> is a literal member, a
/// <c>]</c> outside brackets is literal, a trailing backtick is literal, a <c>-</c> first or last
/// in brackets is literal, an unclosed <c>[</c> or a range whose start is above its end is an
/// invalid pattern.
/// </summary>
public sealed class WildcardMatcher
{
    private readonly Element[] _elements;

    private WildcardMatcher(Element[] elements) => _elements = elements;

    /// <summary>Parses <paramref name="pattern"/>.</summary>
    /// <exception cref="MSecureException">An unclosed bracket or a backwards range (code InvalidArgument).</exception>
    public static WildcardMatcher Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var elements = new List<Element>(pattern.Length);
        bool escaped = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (escaped)
            {
                elements.Add(Element.Literal(c));
                escaped = false;
            }
            else if (c == '`')
            {
                escaped = true;
            }
            else if (c == '*')
            {
                // Consecutive stars match the same as one.
                if (elements.Count == 0 || elements[^1].Kind != ElementKind.Star)
                {
                    elements.Add(Element.Star);
                }
            }
            else if (c == '?')
            {
                elements.Add(Element.AnyOne);
            }
            else if (c == '[')
            {
                i = ParseBracket(pattern, i, elements);
            }
            else
            {
                elements.Add(Element.Literal(c));
            }
        }

        // A trailing backtick is a literal backtick, except that "`" alone is the empty pattern.
        if (escaped && pattern.Length > 1)
        {
            elements.Add(Element.Literal('`'));
        }

        return new WildcardMatcher([.. elements]);
    }

    /// <summary>Whether <paramref name="pattern"/> has an unescaped <c>*</c>, <c>?</c> or <c>[</c>.</summary>
    public static bool ContainsWildcardCharacters(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return false;
        }

        for (int i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '*' or '?' or '[':
                    return true;
                case '`':
                    i++;
                    break;
            }
        }

        return false;
    }

    /// <summary>Escapes <c>* ? [ ] `</c> with a backtick so <paramref name="text"/> matches only itself.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new System.Text.StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '*' or '?' or '[' or ']' or '`')
            {
                builder.Append('`');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Whether the whole of <paramref name="text"/> matches the pattern, ignoring case.</summary>
    public bool IsMatch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Element[] elements = _elements;
        int p = 0, t = 0;
        int starElement = -1, starText = 0;
        while (t < text.Length)
        {
            if (p < elements.Length && elements[p].Kind == ElementKind.Star)
            {
                // Remember the star, first letting it match nothing.
                starElement = p++;
                starText = t;
            }
            else if (p < elements.Length && elements[p].Matches(text[t]))
            {
                p++;
                t++;
            }
            else if (starElement >= 0)
            {
                // Backtrack: let the last star swallow one more character. Every other element
                // matches exactly one character, so the last star is the only choice to revisit.
                p = starElement + 1;
                t = ++starText;
            }
            else
            {
                return false;
            }
        }

        while (p < elements.Length && elements[p].Kind == ElementKind.Star)
        {
            p++;
        }

        return p == elements.Length;
    }

    /// <summary>
    /// Parses the bracket expression opening at <paramref name="open"/> and returns the index of
    /// its closing bracket.
    /// </summary>
    private static int ParseBracket(string pattern, int open, List<Element> elements)
    {
        // Members as (character, is an unescaped '-') pairs, read up to the closing bracket.
        var members = new List<(char Character, bool IsDash)>();
        bool escaped = false;
        for (int i = open + 1; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (escaped)
            {
                members.Add((c, false));
                escaped = false;
            }
            else if (c == '`')
            {
                escaped = true;
            }
            else if (c == ']' && i > open + 1)
            {
                elements.Add(Element.Set(BuildRanges(members, open)));
                return i;
            }
            else
            {
                members.Add((c, c == '-'));
            }
        }

        throw MSecureErrors.InvalidArgument("pattern", Format("the '[' at position {0} has no closing ']' (escape it as `[ to match it literally).", open + 1));
    }

    private static (char Low, char High)[] BuildRanges(List<(char Character, bool IsDash)> members, int open)
    {
        var ranges = new List<(char Low, char High)>(members.Count);
        int i = 0;
        while (i < members.Count)
        {
            if (i + 2 < members.Count && members[i + 1].IsDash)
            {
                char low = members[i].Character, high = members[i + 2].Character;
                if (low > high)
                {
                    throw MSecureErrors.InvalidArgument("pattern", Format("the range in the brackets at position {0} runs backwards.", open + 1));
                }

                ranges.Add((low, high));
                i += 3;
            }
            else
            {
                ranges.Add((members[i].Character, members[i].Character));
                i++;
            }
        }

        return [.. ranges];
    }

    private static string Format(string format, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);

    private enum ElementKind
    {
        Literal,
        AnyOne,
        Star,
        Set,
    }

    private readonly struct Element
    {
        private readonly char _lower;
        private readonly char _upper;
        private readonly (char Low, char High)[]? _ranges;

        private Element(ElementKind kind, char lower, char upper, (char Low, char High)[]? ranges)
        {
            Kind = kind;
            _lower = lower;
            _upper = upper;
            _ranges = ranges;
        }

        public static Element Star => new(ElementKind.Star, default, default, null);

        public static Element AnyOne => new(ElementKind.AnyOne, default, default, null);

        public ElementKind Kind { get; }

        public static Element Literal(char c) =>
            new(ElementKind.Literal, char.ToLowerInvariant(c), char.ToUpperInvariant(c), null);

        public static Element Set((char Low, char High)[] ranges) => new(ElementKind.Set, default, default, ranges);

        public bool Matches(char c) => Kind switch
        {
            ElementKind.Literal => c == _lower || c == _upper || char.ToLowerInvariant(c) == _lower,
            ElementKind.AnyOne => true,
            ElementKind.Set => InSet(c) || InSet(char.ToLowerInvariant(c)) || InSet(char.ToUpperInvariant(c)),
            _ => false,
        };

        private bool InSet(char c)
        {
            foreach ((char low, char high) in _ranges!)
            {
                if (c >= low && c <= high)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
